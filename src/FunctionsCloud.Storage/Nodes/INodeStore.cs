using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.Nodes;

/// <summary>
/// Nodes by namespace. Lists filter on uuid, state, node_cluster (uuid or resource_uri), region, node_type
/// and provider. Prefer the read-change-write
/// <see cref="IEntityStore{T}.UpdateAsync(string, Guid, Func{T, bool}, CancellationToken)"/> for nodes: several writers change them.
/// Heartbeats do not: they go to the liveness table (see <c>ILivenessStore</c>).
/// </summary>
public interface INodeStore : IEntityStore<Node>
{
    /// <summary>Every node of one cluster (server-side filter), in uuid order.</summary>
    Task<IReadOnlyList<Node>> ListByClusterAsync(string @namespace, Guid clusterUuid, CancellationToken cancellationToken = default);

    /// <summary>Every Deployed node of the namespace (server-side filter), in uuid order: where containers can go.</summary>
    Task<IReadOnlyList<Node>> ListDeployedAsync(string @namespace, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the State and LastError (when not null) of nodes read before, each only if it is still the version
    /// that was read: the nodes of one namespace in transactions of up to 100, and one by one when such a
    /// transaction fails. Says per node whether it was written; written nodes get their new Version. The liveness
    /// monitor's write: merging two columns costs the table less than replacing the row.
    /// </summary>
    Task<IReadOnlyList<bool>> TryWriteStatesAsync(IReadOnlyList<Node> nodes, CancellationToken cancellationToken = default);
}
