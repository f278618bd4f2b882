using System.Collections.Concurrent;
using FunctionsCloud.LoadTests.Support;

namespace FunctionsCloud.LoadTests.Heartbeats;

/// <summary>What a paced run counted: requests that worked (all, and by kind) with their latencies, and those that failed.</summary>
public sealed class PacedRun
{
    private readonly ConcurrentDictionary<string, Latencies> _byKind = new(StringComparer.Ordinal);
    private long _failed;
    private long _sent;

    public Latencies Latencies { get; } = new();

    public IReadOnlyDictionary<string, Latencies> ByKind => _byKind;

    public double Accepted => Latencies.Count;

    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Every request sent, the warm-up's too.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    public void CountSent() => Interlocked.Increment(ref _sent);

    /// <param name="kind">What the request turned out to be; null when it failed.</param>
    public void Record(string? kind, TimeSpan latency)
    {
        if (kind is null)
        {
            Interlocked.Increment(ref _failed);
            return;
        }

        Latencies.Add(latency);
        _byKind.GetOrAdd(kind, _ => new Latencies()).Add(latency);
    }
}
