using FunctionsCloud.Domain.Changes;
using Azure;
using FunctionsCloud.Domain.NodeClusters;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.NodeClusters;

/// <summary>A node cluster's row: PartitionKey = namespace, RowKey = uuid, State by wire name.</summary>
internal sealed class NodeClusterEntity : IStoredEntity<NodeClusterEntity, NodeCluster>
{
    public static string Resource => "node cluster";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public string Nickname { get; set; } = "";
    public string State { get; set; } = "";
    public string Provider { get; set; } = "";
    public string Region { get; set; } = "";
    public string NodeType { get; set; } = "";
    public int Disk { get; set; }
    public int TargetNumNodes { get; set; }
    public string Tags { get; set; } = "[]";
    public string? ProviderOptions { get; set; }
    public DateTimeOffset? CreatedDatetime { get; set; }
    public DateTimeOffset? DeployedDatetime { get; set; }
    public DateTimeOffset? DestroyedDatetime { get; set; }
    public string? ActiveAction { get; set; }

    public static NodeClusterEntity From(NodeCluster cluster) => new()
    {
        PartitionKey = cluster.Namespace,
        RowKey = TableKeys.Of(cluster.Uuid),
        Name = cluster.Name,
        Nickname = cluster.Nickname,
        State = ApiNames.Of(cluster.State),
        Provider = cluster.Provider,
        Region = cluster.Region,
        NodeType = cluster.NodeType,
        Disk = cluster.Disk,
        TargetNumNodes = cluster.TargetNumNodes,
        Tags = StoredValues.Of(cluster.Tags),
        ProviderOptions = cluster.ProviderOptions,
        CreatedDatetime = StoredValues.Of(cluster.CreatedDatetime),
        DeployedDatetime = cluster.DeployedDatetime,
        DestroyedDatetime = cluster.DestroyedDatetime,
        ActiveAction = StoredValues.Of(cluster.ActiveAction),
    };

    public NodeCluster ToDomain()
    {
        var cluster = new NodeCluster
        {
            Uuid = Guid.Parse(RowKey),
            Namespace = PartitionKey,
            Name = Name,
            Nickname = Nickname,
            Provider = Provider,
            Region = Region,
            NodeType = NodeType,
            Disk = Disk,
            TargetNumNodes = TargetNumNodes,
            Tags = StoredValues.Tags(Tags),
            ProviderOptions = ProviderOptions,
            CreatedDatetime = StoredValues.DateOrDefault(CreatedDatetime),
            DeployedDatetime = DeployedDatetime,
            DestroyedDatetime = DestroyedDatetime,
            ActiveAction = StoredValues.GuidOrNull(ActiveAction),
            Version = ETag.ToString(),
        };
        cluster.Restore(ApiNames.Parse<NodeClusterState>(State));
        return cluster;
    }

    public static string? VersionOf(NodeCluster cluster) => cluster.Version;

    public static void SetVersion(NodeCluster cluster, string version) => cluster.Version = version;

    public static ChangeSubject? ChangeOf(NodeCluster cluster) => ChangeSubjects.Of(cluster);
}
