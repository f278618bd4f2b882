namespace FunctionsCloud.Storage.Liveness;

/// <summary>
/// The liveness table: per node a pointer row (last seen, inventory, flags) and a due row keyed by the node's
/// next deadline, both in the node's shard partition so that one transaction changes them together. A heartbeat
/// is one such transaction and no read; the monitor reads only the due rows whose deadline has passed.
/// </summary>
public interface ILivenessStore
{
    LivenessShards Shards { get; }

    /// <summary>Writes the pointer and due rows of new nodes (replacing any of theirs), the nodes of one shard together.</summary>
    Task CreateAsync(IReadOnlyCollection<NodeLiveness> nodes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a new node's pointer and due row in one transaction unless it has a pointer already (another
    /// registration of it, retried at the same time, came first): false then, and nothing written.
    /// </summary>
    Task<bool> TryAddAsync(NodeLiveness node, CancellationToken cancellationToken = default);

    /// <summary>The node's pointer row, or null when it has none.</summary>
    Task<NodeLiveness?> GetAsync(string @namespace, Guid nodeUuid, CancellationToken cancellationToken = default);

    /// <summary>
    /// One transaction, no read. Returns the pointer's new ETag, or null when a guard failed (the pointer or the old
    /// due row changed or is gone): nothing was written then.
    /// </summary>
    Task<string?> TryWriteAsync(LivenessWrite write, CancellationToken cancellationToken = default);

    /// <summary>
    /// Several writes (at most one per node) in as few requests as possible: those of one shard go in one
    /// transaction, and when such a transaction fails each of its writes is tried alone. Says per write whether it was written.
    /// </summary>
    Task<IReadOnlyList<bool>> TryWriteAllAsync(IReadOnlyList<LivenessWrite> writes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the pointer, applies <paramref name="change"/> (null: nothing to change) and writes it with If-Match,
    /// starting over when someone else wrote first. Returns the pointer as written, or null when there is none.
    /// </summary>
    Task<NodeLiveness?> UpdateAsync(string @namespace, Guid nodeUuid, Func<NodeLiveness, LivenessPatch?> change, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="max"/> due rows of one shard whose deadline is at or before <paramref name="until"/>, oldest first: one range query.</summary>
    Task<IReadOnlyList<LivenessDue>> DueAsync(string shard, DateTimeOffset until, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the node's pointer row and its due row, plus the due row at <paramref name="alsoDueTicks"/> (one
    /// whose pointer may be gone already). Rows already gone are no error.
    /// </summary>
    Task RemoveAsync(string @namespace, Guid nodeUuid, long alsoDueTicks = 0, CancellationToken cancellationToken = default);

    /// <summary>The monitor's mark, or null when no tick has stored one yet.</summary>
    Task<MonitorMark?> GetMonitorMarkAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the monitor's mark: added when its version is null, else replaced with If-Match on it. False when another
    /// monitor wrote first (nothing written then).
    /// </summary>
    Task<bool> TrySaveMonitorMarkAsync(MonitorMark mark, CancellationToken cancellationToken = default);
}
