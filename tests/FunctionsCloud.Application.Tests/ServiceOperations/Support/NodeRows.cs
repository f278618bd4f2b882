using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Storage.Nodes;

namespace FunctionsCloud.Application.Tests.ServiceOperations.Support;

internal sealed class NodeRows() : InMemoryStore<Node>("node"), INodeStore
{
    public Task<IReadOnlyList<Node>> ListByClusterAsync(string @namespace, Guid clusterUuid, CancellationToken cancellationToken = default) =>
        Task.FromResult(Where(@namespace, n => n.NodeCluster == clusterUuid));

    public Task<IReadOnlyList<Node>> ListDeployedAsync(string @namespace, CancellationToken cancellationToken = default) =>
        Task.FromResult(Where(@namespace, n => n.State == NodeState.Deployed));

    public Task<IReadOnlyList<bool>> TryWriteStatesAsync(IReadOnlyList<Node> nodes, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    protected override (string Namespace, Guid Uuid) KeyOf(Node item) => (item.Namespace, item.Uuid);

    protected override string? VersionOf(Node item) => item.Version;

    protected override void SetVersion(Node item, string version) => item.Version = version;

    protected override string? FieldOf(Node item, string field) => field == "state" ? ApiNames.Of(item.State) : base.FieldOf(item, field);
}
