namespace FunctionsCloud.Providers.Http;

/// <summary>Time as the HTTP providers see it: now, waiting, and jitter. Tests replace it so nothing really waits.</summary>
public interface IProviderClock
{
    DateTimeOffset UtcNow { get; }

    /// <summary>The same time for the resilience pipeline, whose retries wait on it.</summary>
    TimeProvider Time { get; }

    Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>A random fraction in [0, 1) that scales the jitter added to a wait.</summary>
    double NextJitterFraction();
}
