namespace FunctionsCloud.Agent.Registration;

/// <summary>Capped exponential backoff with jitter: attempt n waits a random time in [d/2, d] where d = min(cap, initial·2ⁿ).</summary>
public sealed class RetryBackoff(TimeSpan initial, TimeSpan cap, Random? random = null)
{
    public static RetryBackoff Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

    private readonly Random _random = random ?? Random.Shared;

    public TimeSpan Initial => initial;

    public TimeSpan Cap => cap;

    /// <param name="attempt">0 for the first retry.</param>
    public TimeSpan Delay(int attempt)
    {
        var exponential = initial.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        var capped = Math.Min(cap.TotalMilliseconds, exponential);
        return TimeSpan.FromMilliseconds(capped / 2 + (_random.NextDouble() * capped / 2));
    }
}
