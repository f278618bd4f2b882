using System.Collections.Concurrent;
using FunctionsCloud.LoadTests.Support;

namespace FunctionsCloud.LoadTests.Heartbeats;

/// <summary>
/// What a paced run counted: requests that worked (all, and by kind) with their latencies, and those that failed; and
/// when the slow ones were sent, so that a tail can be set beside what else happened at those moments.
/// </summary>
/// <param name="startedAt">The run's start, a <see cref="System.Diagnostics.Stopwatch"/> timestamp; send times count from it.</param>
public sealed class PacedRun(long startedAt)
{
    /// <summary>Requests at least this slow are remembered with their send time: the heartbeats' p99 target.</summary>
    public static readonly TimeSpan SlowFrom = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentDictionary<string, Latencies> _byKind = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SlowRequest> _slow = new();
    private long _failed;
    private long _sent;

    public Latencies Latencies { get; } = new();

    public IReadOnlyDictionary<string, Latencies> ByKind => _byKind;

    public long StartedAt => startedAt;

    /// <summary>The requests that took <see cref="SlowFrom"/> or longer.</summary>
    public IReadOnlyCollection<SlowRequest> Slow => _slow;

    public double Accepted => Latencies.Count;

    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Every request sent, the warm-up's too.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    public void CountSent() => Interlocked.Increment(ref _sent);

    /// <param name="kind">What the request turned out to be; null when it failed.</param>
    /// <param name="sentAt">When it was sent, from the run's start.</param>
    public void Record(string? kind, TimeSpan sentAt, TimeSpan latency)
    {
        if (kind is null)
        {
            Interlocked.Increment(ref _failed);
            return;
        }

        Latencies.Add(latency);
        _byKind.GetOrAdd(kind, _ => new Latencies()).Add(latency);
        if (latency >= SlowFrom)
            _slow.Enqueue(new SlowRequest(sentAt, latency));
    }
}

/// <param name="SentAt">From the run's start.</param>
public sealed record SlowRequest(TimeSpan SentAt, TimeSpan Latency);
