using Azure;
using Azure.Data.Tables;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Storage.Changes;
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
        var writes = nodes.Select(n => (Node: n, Change: PendingChange(n, created: false))).ToList();
        var client = await Table.ReadyAsync().ConfigureAwait(false);
        var written = await GroupedWrites.RunAsync(writes, w => w.Node.Namespace, GroupedWrites.MaxOperations / 2,
            async (group, ct) =>
            {
                var response = await client.SubmitTransactionAsync(group.SelectMany(Operations), ct).ConfigureAwait(false);
                for (var i = 0; i < group.Count; i++)
                    group[i].Node.Version = response.Value[i * PendingChangeEntity.OperationsWith(group[0].Change)].Headers.ETag?.ToString();
            },
            async (write, ct) =>
            {
                try
                {
                    var response = await client.SubmitTransactionAsync(Operations(write), ct).ConfigureAwait(false);
                    write.Node.Version = response.Value[0].Headers.ETag?.ToString();
                    return true;
                }
                catch (RequestFailedException e) when (GroupedWrites.IsGuardFailure(e))
                {
                    return false;
                }
            },
            cancellationToken).ConfigureAwait(false);
        await RelayAsync([.. writes.Where((_, i) => written[i]).Select(w => w.Change)]).ConfigureAwait(false);
        return written;
    }

    /// <summary>A node's state merged with If-Match, and its change beside it.</summary>
    private static IEnumerable<TableTransactionAction> Operations((Node Node, PendingChangeEntity? Change) write)
    {
        yield return new(TableTransactionActionType.UpdateMerge, StateOf(write.Node), new ETag(RequireVersion(write.Node)));
        if (write.Change is not null)
            yield return new(TableTransactionActionType.Add, write.Change);
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
