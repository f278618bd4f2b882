using Azure;
using Azure.Data.Tables;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Nodes;
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

    public async Task<bool> RecordHeartbeatAsync(
        string @namespace, Guid nodeUuid, NodeInventory inventory, DateTimeOffset lastSeen, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        if (!TableKeys.IsValid(@namespace))
            return false;
        var heartbeat = new NodeHeartbeatEntity
        {
            PartitionKey = @namespace,
            RowKey = TableKeys.Of(nodeUuid),
            LastSeen = lastSeen,
            Cpu = inventory.Cpu,
            Memory = inventory.MemoryMb,
            Disk = inventory.DiskGb,
            DockerVersion = inventory.DockerVersion,
        };
        try
        {
            // The hottest path: the raw client (no table-creation check), one MERGE with If-Match: *,
            // which fails with 404 instead of creating a row when the node is gone.
            await Table.Client.UpdateEntityAsync(heartbeat, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }
}
