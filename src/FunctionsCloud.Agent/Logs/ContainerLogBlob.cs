using Azure;
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

    /// <summary>Finds the newest segment, its length and its last line's time.</summary>
    public async Task ResumeAsync(CancellationToken cancellationToken)
    {
        var container = (await credentials.CurrentAsync(cancellationToken).ConfigureAwait(false)).Container;
        (_segment, _length, _blocks, Last, _recent) = (0, 0, 0, null, []);
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, LogBlobNames.PrefixOf(containerUuid), cancellationToken).ConfigureAwait(false))
        {
            if (LogBlobNames.SegmentOf(blob.Name) is { } number && number > _segment)
                (_segment, _length) = (number, blob.Properties.ContentLength ?? 0);
        }

        if (_segment == 0 || _length == 0)
            return;
        var from = Math.Max(0, _length - TailBytes);
        var tail = await container.GetBlobClient(LogBlobNames.Segment(containerUuid, _segment))
            .DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(from, _length - from) }, cancellationToken).ConfigureAwait(false);
        var stored = LogLineFormat.ReadLines(tail.Value.Content.ToMemory()).Select(l => l.Line).ToList();
        Last = stored.Count > 0 ? stored.Max(l => l.Timestamp) : null;
        _recent = [.. stored.Where(l => l.Timestamp >= Last - Overlap)];
        _blocks = (await container.GetAppendBlobClient(LogBlobNames.Segment(containerUuid, _segment)).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            .Value.BlobCommittedBlockCount;
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
