using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace FunctionsCloud.Agent.Tests.Support;

/// <summary>A <see cref="FakeTimeProvider"/> that also records every timer's due time, so a test can see what the code waits for.</summary>
public sealed class RecordingTimeProvider : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _timers = new();
    private readonly SemaphoreSlim _created = new(0);

    public FakeTimeProvider Fake { get; } = new(DateTimeOffset.UtcNow);

    public IReadOnlyList<TimeSpan> Timers => [.. _timers];

    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        _timers.Enqueue(dueTime);
        _created.Release();
        return timer;
    }

    /// <summary>Waits until at least <paramref name="count"/> timers were created.</summary>
    public async Task WaitForTimersAsync(int count, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (_timers.Count < count)
        {
            await _created.WaitAsync(cts.Token);
        }
    }

    public void Advance(TimeSpan by) => Fake.Advance(by);
}
