namespace FunctionsCloud.Providers.DigitalOcean;

/// <summary>
/// The tags on every droplet: <c>functionscloud</c>, its cluster's (which lists and deletes a cluster's droplets in
/// one call) and its node's (which finds a node's droplet when its id was never recorded).
/// </summary>
public static class DropletTags
{
    public const string Product = "functionscloud";

    public static string Cluster(Guid clusterUuid) => $"fc-cluster-{clusterUuid:D}";

    public static string Node(Guid nodeUuid) => $"fc-node-{nodeUuid:D}";
}
