namespace FunctionsCloud.Providers.Http;

/// <summary>
/// How a provider's HTTP calls ride out throttling (429) and brief unavailability (503) inside one activity, and stop
/// calling a provider that keeps failing (see <see cref="ProviderResiliencePipeline"/>).
/// Waits are short and capped: anything longer is handed back as a transient <see cref="Contract.ProviderException"/>
/// so the activity's retry policy waits instead, and no worker slot is held idle.
/// </summary>
public sealed class ProviderHttpPolicy
{
    /// <summary>Sends of one request in all, the first included.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The first backoff when the provider gives no hint; doubled on each further attempt.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Up to this much random time is added to every wait, so that many callers do not return at once.</summary>
    public TimeSpan MaxJitter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait taken in place; a longer one ends the call as transient.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long one attempt of an HTTP call may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one call may take in all, its retries and their waits included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>The share of failing calls (5xx, no connection, timeouts) within the sampling time that stops calling the provider.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls within the sampling time before the breaker judges at all.</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long calls fail fast once the breaker opened, before one is let through to try again.</summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
