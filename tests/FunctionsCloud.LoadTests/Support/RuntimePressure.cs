using System.Diagnostics;
using System.Runtime;

namespace FunctionsCloud.LoadTests.Support;

/// <summary>
/// What the runtime of this process (app, load generator and storage clients together) went through while a run
/// lasted: garbage collections and the time they paused everything, and the thread pool's threads and queue, sampled.
/// </summary>
public sealed class RuntimePressure : IAsyncDisposable
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(20);
    private readonly TimeSpan _pausedBefore = GC.GetTotalPauseDuration();
    private readonly TimeSpan _cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly int[] _collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _maxQueued;
    private int _maxThreads;

    private RuntimePressure() => _sampling = SampleAsync();

    public static RuntimePressure Start() => new();

    /// <summary>The processor time this process used since the start (all its threads): less sensitive to a busy machine than latency.</summary>
    public TimeSpan Cpu => Process.GetCurrentProcess().TotalProcessorTime - _cpuBefore;

    /// <summary>One line: the collections by generation, their pauses in all and as a share of the run, the pool's peaks.</summary>
    public async Task<string> StopAsync()
    {
        await DisposeAsync();
        var paused = GC.GetTotalPauseDuration() - _pausedBefore;
        var counts = Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - _collectionsBefore[g]).ToArray();
        var collections = string.Join("/", counts);
        return $"process CPU {Cpu.TotalSeconds:F1} s ({Cpu / _clock.Elapsed:F2} cores busy on average); GC ({(GCSettings.IsServerGC ? "server" : "workstation")}): {collections} collections (gen 0/1/2), paused {paused.TotalMilliseconds:F0} ms in all " +
               $"({paused / _clock.Elapsed:P1} of the run, {paused.TotalMilliseconds / Math.Max(1, counts[0]):F0} ms a collection on average); thread pool: at most {_maxThreads} threads, at most {_maxQueued:N0} work items queued.";
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
            await _stop.CancelAsync();
        await _sampling;
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(SampleEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                _maxQueued = Math.Max(_maxQueued, ThreadPool.PendingWorkItemCount);
                _maxThreads = Math.Max(_maxThreads, ThreadPool.ThreadCount);
            }
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }
}
