using FunctionsCloud.Storage.Liveness;

namespace FunctionsCloud.Application.Tests.ServiceOperations.Support;

/// <summary>
/// The liveness pointers of watched nodes, for what service operations do with them: bump the desired-state
/// generation. A bump can be made to fail once, as a storage call that fails in the middle of a step.
/// </summary>
internal sealed class LivenessPointers : ILivenessStore
{
    private readonly Dictionary<(string Namespace, Guid Node), NodeLiveness> _pointers = [];

    public LivenessShards Shards { get; } = new(LivenessShards.Default);

    /// <summary>Thrown by the next pointer update, which then writes nothing.</summary>
    public Exception? FailNextUpdate { get; set; }

    public void Watch(string @namespace, Guid node, DateTimeOffset now) =>
        _pointers[(@namespace, node)] = new NodeLiveness { Namespace = @namespace, NodeUuid = node, LastSeen = now, Version = "p0" };

    /// <summary>The node's desired-state generation: how often it was bumped since it was watched.</summary>
    public int Generation(string @namespace, Guid node) => _pointers[(@namespace, node)].Generation;

    public Task<NodeLiveness?> GetAsync(string @namespace, Guid nodeUuid, CancellationToken cancellationToken = default) =>
        Task.FromResult(_pointers.GetValueOrDefault((@namespace, nodeUuid)));

    public Task<NodeLiveness?> UpdateAsync(string @namespace, Guid nodeUuid, Func<NodeLiveness, LivenessPatch?> change, CancellationToken cancellationToken = default)
    {
        if (FailNextUpdate is { } failure)
        {
            FailNextUpdate = null;
            throw failure;
        }

        if (!_pointers.TryGetValue((@namespace, nodeUuid), out var pointer))
            return Task.FromResult<NodeLiveness?>(null);
        if (change(pointer) is { } patch)
            pointer = _pointers[(@namespace, nodeUuid)] = pointer with { Generation = patch.Generation ?? pointer.Generation, Version = pointer.Version + "+" };
        return Task.FromResult<NodeLiveness?>(pointer);
    }

    public Task CreateAsync(IReadOnlyCollection<NodeLiveness> nodes, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<bool> TryAddAsync(NodeLiveness node, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<string?> TryWriteAsync(LivenessWrite write, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<bool>> TryWriteAllAsync(IReadOnlyList<LivenessWrite> writes, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<LivenessDue>> DueAsync(string shard, DateTimeOffset until, int max, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task RemoveAsync(string @namespace, Guid nodeUuid, long alsoDueTicks = 0, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<MonitorMark?> GetMonitorMarkAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<bool> TrySaveMonitorMarkAsync(MonitorMark mark, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
