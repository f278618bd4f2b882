namespace FunctionsCloud.Testing;

/// <summary>Waits for a condition to hold, looking again every little while, and fails saying what was expected.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Expected {what} within {within.TotalSeconds} s.");
            await Task.Delay(200);
        }
    }
}
