namespace FunctionsCloud.Providers.Http;

/// <summary>
/// How a provider's HTTP calls ride out throttling (429) and brief unavailability (503) inside one activity.
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

    /// <summary>How long one HTTP call may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
