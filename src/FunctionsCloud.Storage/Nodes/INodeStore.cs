using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.Nodes;

/// <summary>
/// Nodes by namespace. Lists filter on uuid, state, node_cluster (uuid or resource_uri), region, node_type
/// and provider. Heartbeats change a node's ETag, so prefer the read-change-write
/// <see cref="IEntityStore{T}.UpdateAsync(string, Guid, Func{T, bool}, CancellationToken)"/> for nodes.
/// </summary>
public interface INodeStore : IEntityStore<Node>
{
    /// <summary>Every node of one cluster (server-side filter), in uuid order.</summary>
    Task<IReadOnlyList<Node>> ListByClusterAsync(string @namespace, Guid clusterUuid, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes LastSeen and the inventory (cpu, memory, disk, docker version) into the node's row and nothing else:
    /// one merge request, no read, no ETag check. False when the node does not exist; never creates a row.
    /// </summary>
    Task<bool> RecordHeartbeatAsync(string @namespace, Guid nodeUuid, NodeInventory inventory, DateTimeOffset lastSeen, CancellationToken cancellationToken = default);
}
