namespace FunctionsCloud.Testing;

/// <summary>Rate limits count per clock minute: a burst that must be counted in one minute starts early enough in one.</summary>
public static class ClockMinutes
{
    /// <summary>Waits for the next minute when less than 15 seconds of this one are left.</summary>
    public static async Task StayWithinOneMinuteAsync()
    {
        var now = DateTimeOffset.UtcNow;
        if (now.Second >= 45)
            await Task.Delay(TimeSpan.FromSeconds(60 - now.Second) - TimeSpan.FromMilliseconds(now.Millisecond) + TimeSpan.FromMilliseconds(100));
    }
}
