using Amazon.EC2.Model;

namespace FunctionsCloud.Providers.Aws;

/// <summary>The tags that tie EC2 instances to FunctionsCloud clusters and nodes.</summary>
internal static class Ec2Tags
{
    public const string Cluster = "functionscloud:cluster";
    public const string ClusterName = "functionscloud:cluster-name";
    public const string Node = "functionscloud:node";
    public const string Name = "Name";

    /// <summary>Tags every instance (and its root volume) of a launch gets at once: one RunInstances call carries one tag set.</summary>
    public static List<Tag> ForLaunch(Guid clusterUuid, string clusterName) =>
    [
        new Tag(Cluster, clusterUuid.ToString("D")),
        new Tag(ClusterName, clusterName),
        new Tag(Name, clusterName),
    ];

    /// <summary>Tags only one instance gets, by its own CreateTags call after the launch.</summary>
    public static List<Tag> ForNode(string clusterName, Guid nodeUuid) =>
    [
        new Tag(Node, nodeUuid.ToString("D")),
        new Tag(Name, $"{clusterName}-{nodeUuid.ToString("N")[..8]}"),
    ];

    public static string? Value(Instance instance, string key) =>
        instance.Tags?.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.Ordinal))?.Value;

    public static Guid? NodeOf(Instance instance) => Guid.TryParse(Value(instance, Node), out var uuid) ? uuid : null;
}
