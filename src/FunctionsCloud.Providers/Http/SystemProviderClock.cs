namespace FunctionsCloud.Providers.Http;

/// <summary>The real clock: <see cref="TimeProvider"/> time and a shared random source for jitter.</summary>
public sealed class SystemProviderClock(TimeProvider time) : IProviderClock
{
    public DateTimeOffset UtcNow => time.GetUtcNow();

    public TimeProvider Time => time;

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, time, cancellationToken);

    public double NextJitterFraction() => Random.Shared.NextDouble();
}
