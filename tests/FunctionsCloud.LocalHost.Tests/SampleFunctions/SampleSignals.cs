using System.Collections.Concurrent;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.LocalHost.Tests.SampleFunctions;

/// <summary>
/// What sample functions report back to the test that started their host (one per host, registered in DI),
/// so tests await a signal instead of sleeping.
/// </summary>
public sealed class SampleSignals
{
    public SemaphoreSlim Ticks { get; } = new(0);

    public ConcurrentQueue<TimerInfo> TickInfos { get; } = new();

    public SemaphoreSlim StartupTicks { get; } = new(0);

    public ConcurrentQueue<WidgetMessage> ProcessedMessages { get; } = new();

    public SemaphoreSlim Processed { get; } = new(0);

    public SemaphoreSlim FailedAttempts { get; } = new(0);

    private int _failedAttemptCount;

    public int FailedAttemptCount => Volatile.Read(ref _failedAttemptCount);

    public void RecordFailedAttempt()
    {
        Interlocked.Increment(ref _failedAttemptCount);
        FailedAttempts.Release();
    }
}
