using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using FunctionsCloud.Domain.Logs;

namespace FunctionsCloud.Agent.Logs;

/// <summary>
/// One container's log in the node's log container: appends batches of lines to its newest segment, each append
/// conditional on the length last seen (so a retried append is never stored twice), rolls to a new segment at the
/// size or block count limit and deletes segments beyond those kept. Knows the last lines stored, so that a restarted
/// agent goes on exactly after them: the engine stamps stdout and stderr apart, so the stored order is not strictly the
/// order of the times, and lines near the last one are told apart by their content.
/// </summary>
public sealed class ContainerLogBlob(LogCredentialHolder credentials, Guid containerUuid)
{
    /// <summary>An append blob takes 50,000 blocks; the segment rolls a little before.</summary>
    private const int MaxBlocks = 49_000;
    private const int TailBytes = 128 * 1024;

    /// <summary>How far before the last stored line a restarted agent asks the engine for lines again.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromSeconds(2);

    private HashSet<LogLine> _recent = [];
    private long _segment;
    private long _length;
    private int _blocks;

    /// <summary>The time of the last line stored; null before anything was.</summary>
    public DateTimeOffset? Last { get; private set; }

    /// <summary>Where to ask the engine to begin: a little before the last line stored (null: from the beginning).</summary>
    public DateTimeOffset? ResumeFrom => Last - Overlap;

    /// <summary>Whether a line the engine gave (again) after a resume was stored before it.</summary>
    public bool IsStored(LogLine line) =>
        Last is { } last && (line.Timestamp < last - Overlap || (line.Timestamp <= last + Overlap && _recent.Contains(line)));

    /// <summary>
    /// Finds the newest segment, its length and the lines stored last: it reads back from the end, twice as far each
    /// time, until the lines read reach back past <see cref="Overlap"/> before the last one (or the segment's start, then
    /// the previous segment's end), so that neither an empty newest segment, nor a huge line, nor a container printing
    /// more than the first read holds in the overlap makes the engine's lines count as new again.
    /// </summary>
    public async Task ResumeAsync(CancellationToken cancellationToken)
    {
        var container = (await credentials.CurrentAsync(cancellationToken).ConfigureAwait(false)).Container;
        var segments = new List<(long Number, long Length)>();
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, LogBlobNames.PrefixOf(containerUuid), cancellationToken).ConfigureAwait(false))
        {
            if (LogBlobNames.SegmentOf(blob.Name) is { } number)
                segments.Add((number, blob.Properties.ContentLength ?? 0));
        }

        segments.Sort((x, y) => y.Number.CompareTo(x.Number));
        var (segment, length) = segments.Count > 0 ? segments[0] : (0, 0);
        var blocks = length > 0
            ? (await container.GetAppendBlobClient(LogBlobNames.Segment(containerUuid, segment)).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value.BlobCommittedBlockCount
            : 0;
        var stored = new List<LogLine>();
        foreach (var (number, size) in segments)
        {
            if (await ReadBackAsync(container, number, size, stored, cancellationToken).ConfigureAwait(false))
                break;
        }

        var last = stored.Count > 0 ? stored.Max(l => l.Timestamp) : (DateTimeOffset?)null;
        (_segment, _length, _blocks, Last, _recent) = (segment, length, blocks, last, [.. stored.Where(l => l.Timestamp >= last - Overlap)]);
    }

    /// <summary>Adds the segment's last lines to <paramref name="stored"/>; true once they reach back past the overlap.</summary>
    private async Task<bool> ReadBackAsync(BlobContainerClient container, long segment, long length, List<LogLine> stored, CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient(LogBlobNames.Segment(containerUuid, segment));
        for (var span = (long)TailBytes; length > 0; span *= 2)
        {
            var from = Math.Max(0, length - span);
            var tail = await blob.DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(from, length - from) }, cancellationToken).ConfigureAwait(false);
            var bytes = tail.Value.Content.ToMemory();
            // A read from the middle begins inside a line: whatever precedes the first line break is not one.
            var start = from == 0 ? 0 : bytes.Span.IndexOf((byte)'\n') + 1;
            var lines = start <= 0 && from > 0 ? [] : LogLineFormat.ReadLines(bytes[start..]).Select(l => l.Line).ToList();
            var last = stored.Concat(lines).Select(l => (DateTimeOffset?)l.Timestamp).Max();
            if (from == 0 || lines.Any(l => l.Timestamp < last - Overlap))
            {
                stored.InsertRange(0, lines);
                return lines.Any(l => l.Timestamp < last - Overlap);
            }
        }

        return false;
    }

    /// <summary>
    /// Stores the lines (those stored already left out), in as many appends as segments they fill, and takes each
    /// append's lines out of <paramref name="batch"/> once stored, so that a retry after a failure stores only the rest.
    /// Throws when storage refuses.
    /// </summary>
    public async Task AppendAsync(List<LogLine> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.RemoveAll(IsStored);
        var held = await credentials.CurrentAsync(cancellationToken).ConfigureAwait(false);
        using var chunk = new MemoryStream();
        var lines = 0;
        foreach (var line in batch.ToList())
        {
            var bytes = LogLineFormat.Encode(line);
            if (lines > 0 && _length + chunk.Length + bytes.Length > held.Credential.SegmentBytes)
            {
                await StoreAsync(held, chunk, cancellationToken).ConfigureAwait(false);
                batch.RemoveRange(0, lines);
                lines = 0;
            }

            chunk.Write(bytes);
            lines++;
        }

        if (lines > 0)
            await StoreAsync(held, chunk, cancellationToken).ConfigureAwait(false);
        batch.Clear();
    }

    /// <summary>Appends the chunk to the newest segment, or to a new one when it would overflow; empties the chunk.</summary>
    private async Task StoreAsync(HeldCredential held, MemoryStream chunk, CancellationToken cancellationToken)
    {
        if (_segment == 0 || (_length > 0 && (_length + chunk.Length > held.Credential.SegmentBytes || _blocks >= MaxBlocks)))
            await RollAsync(held, cancellationToken).ConfigureAwait(false);
        var blob = held.Container.GetAppendBlobClient(LogBlobNames.Segment(containerUuid, _segment));
        if (_length == 0)
            await blob.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        chunk.Position = 0;
        try
        {
            var appended = await blob.AppendBlockAsync(chunk, new AppendBlobAppendBlockOptions { Conditions = new AppendBlobRequestConditions { IfAppendPositionEqual = _length } }, cancellationToken)
                .ConfigureAwait(false);
            (_length, _blocks) = (_length + chunk.Length, appended.Value.BlobCommittedBlockCount);
            chunk.SetLength(0);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // An earlier attempt was stored after all (its answer was lost): learn what is there; the retry stores only the rest.
            await ResumeAsync(cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Begins the next segment and deletes those beyond the number kept (the oldest lines are what a chatty container loses).</summary>
    private async Task RollAsync(HeldCredential held, CancellationToken cancellationToken)
    {
        (_segment, _length, _blocks) = (_segment + 1, 0, 0);
        for (var old = _segment - held.Credential.SegmentsKept; old >= 1; old--)
        {
            var deleted = await held.Container.DeleteBlobIfExistsAsync(LogBlobNames.Segment(containerUuid, old), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!deleted.Value)
                break;
        }
    }
}
