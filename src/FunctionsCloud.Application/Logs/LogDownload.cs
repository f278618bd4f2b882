using System.Runtime.CompilerServices;
using FunctionsCloud.Domain.Logs;
using FunctionsCloud.Storage.Logs;

namespace FunctionsCloud.Application.Logs;

/// <summary>
/// Everything kept of a container's log (or of every container of a service, merged by time), oldest first, read a
/// chunk of <see cref="ChunkBytes"/> at a time: however large the log, a download holds one chunk per container (and
/// a line cut at its end), never the whole log. What each segment held when it was listed is read; a segment the agent
/// rolled away meanwhile is skipped.
/// </summary>
public sealed class LogDownload(ILogBlobs blobs)
{
    public const int ChunkBytes = 256 * 1024;

    public IAsyncEnumerable<LogEntry> ReadAllAsync(LogSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return subject.Sources.Count == 1
            ? ReadContainerAsync(subject.Sources[0], cancellationToken)
            : LogMerge.ByTimeAsync([.. subject.Sources.Select(s => ReadContainerAsync(s, cancellationToken))], cancellationToken);
    }

    private async IAsyncEnumerable<LogEntry> ReadContainerAsync(LogSource source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var segment in await blobs.ListSegmentsAsync(source.NodeUuid, source.ContainerUuid, cancellationToken))
        {
            // start: where in the segment the bytes held begin; they begin with the part of a line the last chunk cut.
            var (held, start) = (ReadOnlyMemory<byte>.Empty, 0L);
            while (start + held.Length < segment.Length)
            {
                var from = start + held.Length;
                var chunk = await blobs.ReadAsync(source.NodeUuid, source.ContainerUuid, segment.Number, from, Math.Min(ChunkBytes, segment.Length - from), cancellationToken);
                if (chunk.Length == 0)
                    break; // rolled away since it was listed
                held = held.IsEmpty ? chunk : (ReadOnlyMemory<byte>)(byte[])[.. held.Span, .. chunk.Span];
                var complete = held.Span.LastIndexOf((byte)'\n') + 1;
                var begin = start;
                foreach (var (line, end) in LogLineFormat.ReadLines(held[..complete]))
                {
                    yield return new LogEntry(source, line, new LogPoint(segment.Number, begin), new LogPoint(segment.Number, start + end));
                    begin = start + end;
                }

                (held, start) = (held[complete..], start + complete);
            }
        }
    }
}
