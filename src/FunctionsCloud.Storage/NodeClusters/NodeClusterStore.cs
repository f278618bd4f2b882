using FunctionsCloud.Domain.NodeClusters;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Storage.Connection;
using FunctionsCloud.Storage.Entities;
using FunctionsCloud.Storage.Querying;

namespace FunctionsCloud.Storage.NodeClusters;

internal sealed class NodeClusterStore(StorageTables tables)
    : EntityStore<NodeCluster, NodeClusterEntity>(tables.NodeClusters, Fields), INodeClusterStore
{
    private static readonly QueryFields Fields = new("node clusters", new Dictionary<string, QueryField>
    {
        ["uuid"] = new("RowKey", QueryValues.Uuid),
        ["name"] = new(nameof(NodeClusterEntity.Name)),
        ["state"] = new(nameof(NodeClusterEntity.State), QueryValues.State<NodeClusterState>()),
        ["region"] = new(nameof(NodeClusterEntity.Region), QueryValues.CatalogName("region")),
        ["node_type"] = new(nameof(NodeClusterEntity.NodeType), QueryValues.CatalogName("nodetype")),
        ["provider"] = new(nameof(NodeClusterEntity.Provider)),
    });

    private static readonly string Terminated = ApiNames.Of(NodeClusterState.Terminated);

    public Task<IReadOnlyList<NodeCluster>> ListLiveNamedAsync(string @namespace, string name, CancellationToken cancellationToken = default) =>
        AllWhereAsync(@namespace, TableQuery.All.Where("name", name), nameof(NodeClusterEntity.State), "ne", Terminated, cancellationToken);
}
