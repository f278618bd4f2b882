namespace FunctionsCloud.LocalHost.Tests;

/// <summary>Awaits a condition that only an external system can report (e.g. a queue's contents), up to a deadline.</summary>
public static class Eventually
{
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (DateTime.UtcNow < until)
        {
            if (await condition())
                return true;
            await Task.Delay(100); // re-check interval while polling storage; not a timing assumption
        }

        return await condition();
    }
}
