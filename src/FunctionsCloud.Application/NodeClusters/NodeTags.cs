using FunctionsCloud.Domain.NodeClusters;

namespace FunctionsCloud.Application.NodeClusters;

/// <summary>Nodes carry their cluster's tags plus, as in Docker Cloud, the provider, region and cluster name.</summary>
public static class NodeTags
{
    public static IReadOnlyList<string> For(NodeCluster cluster) =>
        cluster.Tags.Concat([cluster.Provider, cluster.Region, cluster.Name]).Distinct(StringComparer.Ordinal).ToList();
}
