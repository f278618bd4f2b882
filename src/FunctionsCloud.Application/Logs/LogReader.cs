using FunctionsCloud.Domain.Logs;
using FunctionsCloud.Storage.Logs;

namespace FunctionsCloud.Application.Logs;

/// <summary>Reads containers' lines from their log blobs: a finished read (tail, since), and what came after a point.</summary>
public sealed class LogReader(ILogBlobs blobs)
{
    /// <summary>
    /// The container's lines since <paramref name="since"/> (all without it), the last <paramref name="tail"/> of them
    /// (all without it), oldest first; and where its log ended when read. Reads segments newest first and stops as
    /// soon as it has enough, so a tail costs one segment read as a rule.
    /// </summary>
    public async Task<(IReadOnlyList<LogEntry> Entries, LogPoint End)> ReadAsync(LogSource source, int? tail, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var segments = await blobs.ListSegmentsAsync(source.NodeUuid, source.ContainerUuid, cancellationToken);
        if (segments.Count == 0)
            return ([], LogPoint.Start);
        var picked = new List<LogEntry>();
        foreach (var segment in segments.Reverse())
        {
            if ((since is { } from && segment.LastWritten < from) || (tail is { } enough && picked.Count >= enough))
                break;
            var bytes = await blobs.ReadAsync(source.NodeUuid, source.ContainerUuid, segment.Number, 0, segment.Length, cancellationToken);
            picked.InsertRange(0, Parse(source, segment.Number, 0, bytes).Where(e => since is null || e.Line.Timestamp >= since));
        }

        var last = segments[^1];
        return (tail is { } count ? picked.TakeLast(count).ToList() : picked, new LogPoint(last.Number, last.Length));
    }

    /// <summary>The container's lines after <paramref name="after"/>, oldest first (a rolled-away segment's lines are lost to it: it goes on with the next).</summary>
    public async Task<IReadOnlyList<LogEntry>> ReadAfterAsync(LogSource source, LogPoint after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var entries = new List<LogEntry>();
        foreach (var segment in await blobs.ListSegmentsAsync(source.NodeUuid, source.ContainerUuid, cancellationToken))
        {
            var from = segment.Number == after.Segment ? after.Offset : 0;
            if (segment.Number < after.Segment || segment.Length <= from)
                continue;
            var bytes = await blobs.ReadAsync(source.NodeUuid, source.ContainerUuid, segment.Number, from, segment.Length - from, cancellationToken);
            entries.AddRange(Parse(source, segment.Number, from, bytes));
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
