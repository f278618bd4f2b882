using FunctionsCloud.Domain.NodeClusters;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.NodeClusters;

/// <summary>
/// Node clusters by namespace. Lists filter on uuid, name, state, region, node_type and provider
/// (state by wire name, region and node_type by name or catalog resource_uri).
/// </summary>
public interface INodeClusterStore : IEntityStore<NodeCluster>
{
    /// <summary>The clusters of that name that are not Terminated (server-side filter), in uuid order.</summary>
    Task<IReadOnlyList<NodeCluster>> ListLiveNamedAsync(string @namespace, string name, CancellationToken cancellationToken = default);
}
