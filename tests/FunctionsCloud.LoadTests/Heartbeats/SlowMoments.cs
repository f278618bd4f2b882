using System.Diagnostics;
using FunctionsCloud.LoadTests.Support;

namespace FunctionsCloud.LoadTests.Heartbeats;

/// <summary>
/// Sets a run's slow requests beside the storage emulator's full collections: when they were sent (grouped by the
/// 100 ms they fell in), when the emulator collected, and how many slow requests were in flight near a collection.
/// </summary>
public static class SlowMoments
{
    private static readonly TimeSpan Moment = TimeSpan.FromMilliseconds(100);
    /// <summary>A collection's marking runs before its line is heard, and a backlog drains after it: this much either side counts.</summary>
    private static readonly TimeSpan Near = TimeSpan.FromMilliseconds(250);
    private const int MostListed = 12;

    public static void Report(TextWriter output, PacedRun run, EmulatorCollections collections)
    {
        var measuredFrom = run.StartedAt + (long)(PacedAgents.WarmUp.TotalSeconds * Stopwatch.Frequency);
        var collected = collections.Since(measuredFrom).Select(c => (At: Stopwatch.GetElapsedTime(run.StartedAt, c.HeardAt), Collection: c)).ToList();
        var slow = run.Slow.ToList();
        var moments = slow.GroupBy(r => (long)(r.SentAt / Moment)).OrderBy(g => g.Key)
            .Select(g => $"{(g.Key * Moment).TotalSeconds:F1} s ({g.Count()}, up to {g.Max(r => r.Latency).TotalMilliseconds:F0} ms)").ToList();
        output.WriteLine($"  slow heartbeats ({PacedRun.SlowFrom.TotalMilliseconds:F0} ms or more): {slow.Count:N0}, sent in {moments.Count} moments of {Moment.TotalMilliseconds:F0} ms" +
                         (moments.Count == 0 ? "" : $": {string.Join(", ", moments.Take(MostListed))}{(moments.Count > MostListed ? ", ..." : "")}"));
        output.WriteLine($"  Azurite's full collections (Node.js mark-compact) in the same time: {collected.Count}" +
                         (collected.Count == 0 ? "" : ": " + string.Join(", ", collected.Select(c =>
                             $"{c.At.TotalSeconds:F1} s ({c.Collection.HeapBeforeMb:F0} -> {c.Collection.HeapAfterMb:F0} MB, {c.Collection.PauseMs:F0} ms pause)"))));
        if (slow.Count > 0)
        {
            var nearOne = slow.Count(r => collected.Any(c => c.At >= r.SentAt - Near && c.At <= r.SentAt + r.Latency + Near));
            output.WriteLine($"  slow heartbeats in flight within {Near.TotalMilliseconds:F0} ms of one of those collections: {nearOne:N0} of {slow.Count:N0} ({(double)nearOne / slow.Count:P0})");
        }
    }
}
