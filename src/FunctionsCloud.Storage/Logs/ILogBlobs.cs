namespace FunctionsCloud.Storage.Logs;

/// <summary>The blobs agents append their containers' output to (see <see cref="Domain.Logs.LogBlobNames"/>), as the control plane sees them.</summary>
public interface ILogBlobs
{
    /// <summary>The node's log container (made if missing) with a SAS that can read, add to, create, list and delete blobs in it only, until <paramref name="expiresAt"/>.</summary>
    Task<Uri> IssueNodeSasAsync(Guid nodeUuid, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>The container's segments on the node, oldest first; none when it printed nothing yet.</summary>
    Task<IReadOnlyList<LogSegment>> ListSegmentsAsync(Guid nodeUuid, Guid containerUuid, CancellationToken cancellationToken);

    /// <summary>Bytes <paramref name="offset"/>..<paramref name="offset"/>+<paramref name="length"/> of a segment (fewer when it is shorter or gone).</summary>
    Task<ReadOnlyMemory<byte>> ReadAsync(Guid nodeUuid, Guid containerUuid, long segment, long offset, long length, CancellationToken cancellationToken);

    /// <summary>Deletes every log segment last written before <paramref name="cutoff"/>; returns how many. Retention where no lifecycle rule does it.</summary>
    Task<int> DeleteWrittenBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}

/// <param name="Number">From 1, one more for each segment the agent rolled over to.</param>
public sealed record LogSegment(long Number, long Length, DateTimeOffset LastWritten);
