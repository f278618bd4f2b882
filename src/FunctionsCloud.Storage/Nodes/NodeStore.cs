using Azure;
using Azure.Data.Tables;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Storage.Connection;
using FunctionsCloud.Storage.Entities;
using FunctionsCloud.Storage.Querying;

namespace FunctionsCloud.Storage.Nodes;

internal sealed class NodeStore(StorageTables tables)
    : EntityStore<Node, NodeEntity>(tables.Nodes, Fields), INodeStore
{
    private const string NodeClusterField = "node_cluster";

    private static readonly QueryFields Fields = new("nodes", new Dictionary<string, QueryField>
    {
        ["uuid"] = new("RowKey", QueryValues.Uuid),
        ["state"] = new(nameof(NodeEntity.State), QueryValues.State<NodeState>()),
        [NodeClusterField] = new(nameof(NodeEntity.NodeCluster), QueryValues.Uuid),
        ["region"] = new(nameof(NodeEntity.Region), QueryValues.CatalogName("region")),
        ["node_type"] = new(nameof(NodeEntity.NodeType), QueryValues.CatalogName("nodetype")),
        ["provider"] = new(nameof(NodeEntity.Provider)),
    });

    public Task<IReadOnlyList<Node>> ListByClusterAsync(string @namespace, Guid clusterUuid, CancellationToken cancellationToken = default) =>
        AllAsync(@namespace, TableQuery.All.Where(NodeClusterField, TableKeys.Of(clusterUuid)), cancellationToken);

    public Task<IReadOnlyList<Node>> ListDeployedAsync(string @namespace, CancellationToken cancellationToken = default) =>
        AllAsync(@namespace, TableQuery.All.Where("state", ApiNames.Of(NodeState.Deployed)), cancellationToken);

    public async Task<IReadOnlyList<bool>> TryWriteStatesAsync(IReadOnlyList<Node> nodes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var client = await Table.ReadyAsync().ConfigureAwait(false);
        return await GroupedWrites.RunAsync(nodes, n => n.Namespace, GroupedWrites.MaxOperations,
            async (group, ct) =>
            {
                var response = await client.SubmitTransactionAsync(group.Select(n => new TableTransactionAction(
                    TableTransactionActionType.UpdateMerge, StateOf(n), new ETag(RequireVersion(n)))), ct).ConfigureAwait(false);
                for (var i = 0; i < group.Count; i++)
                    group[i].Version = response.Value[i].Headers.ETag?.ToString();
            },
            async (node, ct) =>
            {
                try
                {
                    var response = await client.UpdateEntityAsync(StateOf(node), new ETag(RequireVersion(node)), TableUpdateMode.Merge, ct).ConfigureAwait(false);
                    node.Version = response.Headers.ETag?.ToString();
                    return true;
                }
                catch (RequestFailedException e) when (GroupedWrites.IsGuardFailure(e))
                {
                    return false;
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static NodeStateEntity StateOf(Node node) => new()
    {
        PartitionKey = node.Namespace,
        RowKey = TableKeys.Of(node.Uuid),
        State = ApiNames.Of(node.State),
        LastError = node.LastError,
    };

    private static string RequireVersion(Node node) =>
        node.Version ?? throw new InvalidOperationException($"Node {node.Uuid} has no Version: read it before writing it.");
}
