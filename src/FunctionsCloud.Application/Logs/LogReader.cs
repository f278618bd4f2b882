using FunctionsCloud.Domain.Logs;
using FunctionsCloud.Storage.Logs;

namespace FunctionsCloud.Application.Logs;

/// <summary>Reads containers' lines from their log blobs: a finished read (tail, since), and what came after a point.</summary>
public sealed class LogReader(ILogBlobs blobs)
{
    /// <summary>The most one container's follow poll reads; what is left comes with the next poll.</summary>
    public const long MaxPollBytes = 1024 * 1024;

    /// <summary>
    /// The container's lines since <paramref name="since"/> (all without it), the last <paramref name="tail"/> of them
    /// (all without it), oldest first; and where its log ended when read. Reads segments newest first and stops as
    /// soon as it has enough, so a tail costs one segment read as a rule, or when the request's budget is spent (the
    /// older lines are then left out).
    /// </summary>
    public async Task<(IReadOnlyList<LogEntry> Entries, LogPoint End)> ReadAsync(
        LogSource source, int? tail, DateTimeOffset? since, ReadBudget budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(source);
        var segments = await blobs.ListSegmentsAsync(source.NodeUuid, source.ContainerUuid, cancellationToken);
        if (segments.Count == 0)
            return ([], LogPoint.Start);
        var picked = new List<LogEntry>();
        foreach (var segment in segments.Reverse())
        {
            if ((since is { } from && segment.LastWritten < from) || (tail is { } enough && picked.Count >= enough) || !budget.TryTake(segment.Length))
                break;
            var bytes = await blobs.ReadAsync(source.NodeUuid, source.ContainerUuid, segment.Number, 0, segment.Length, cancellationToken);
            picked.InsertRange(0, Parse(source, segment.Number, 0, bytes).Where(e => since is null || e.Line.Timestamp >= since));
        }

        var last = segments[^1];
        return (tail is { } count ? picked.TakeLast(count).ToList() : picked, new LogPoint(last.Number, last.Length));
    }

    /// <summary>
    /// The container's lines after <paramref name="after"/>, oldest first, at most <see cref="MaxPollBytes"/> of them (a
    /// rolled-away segment's lines are lost to it: it goes on with the next).
    /// </summary>
    public async Task<IReadOnlyList<LogEntry>> ReadAfterAsync(LogSource source, LogPoint after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var entries = new List<LogEntry>();
        foreach (var segment in await blobs.ListSegmentsAsync(source.NodeUuid, source.ContainerUuid, cancellationToken))
        {
            var from = segment.Number == after.Segment ? after.Offset : 0;
            if (segment.Number < after.Segment || segment.Length <= from)
                continue;
            var length = Math.Min(segment.Length - from, MaxPollBytes);
            var bytes = await blobs.ReadAsync(source.NodeUuid, source.ContainerUuid, segment.Number, from, length, cancellationToken);
            entries.AddRange(Parse(source, segment.Number, from, bytes));
            if (length < segment.Length - from)
                break; // The rest of this segment first, with the next poll.
        }

        return entries;
    }

    private static IEnumerable<LogEntry> Parse(LogSource source, long segment, long offset, ReadOnlyMemory<byte> bytes)
    {
        var begin = offset;
        foreach (var (line, end) in LogLineFormat.ReadLines(bytes))
        {
            yield return new LogEntry(source, line, new LogPoint(segment, begin), new LogPoint(segment, offset + end));
            begin = offset + end;
        }
    }
}
