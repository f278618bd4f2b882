using System.Collections.Concurrent;

namespace FunctionsCloud.Providers.Tests.Aws.Support;

/// <summary>A clock whose timers fire at once, recording how long each would have waited: backoff without sleeping.</summary>
public sealed class ImmediateTimeProvider : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _waits = new();

    public IReadOnlyList<TimeSpan> Waits => [.. _waits];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _waits.Enqueue(dueTime);
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
