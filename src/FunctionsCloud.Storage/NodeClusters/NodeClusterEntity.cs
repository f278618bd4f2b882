using FunctionsCloud.Domain.Changes;
using FunctionsCloud.Domain.NodeClusters;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.NodeClusters;

/// <summary>A node cluster's row: the columns of <see cref="OperatedRow{TSelf, TDomain, TState}"/> and its own.</summary>
internal sealed class NodeClusterEntity : OperatedRow<NodeClusterEntity, NodeCluster, NodeClusterState>, IStoredEntity<NodeClusterEntity, NodeCluster>
{
    public static string Resource => "node cluster";

    public string Name { get; set; } = "";
    public string Nickname { get; set; } = "";
    public string Provider { get; set; } = "";
    public string Region { get; set; } = "";
    public string NodeType { get; set; } = "";
    public int Disk { get; set; }
    public int TargetNumNodes { get; set; }
    public string Tags { get; set; } = "[]";
    public string? ProviderOptions { get; set; }

    public static NodeClusterEntity From(NodeCluster cluster) => new NodeClusterEntity
    {
        Name = cluster.Name,
        Nickname = cluster.Nickname,
        Provider = cluster.Provider,
        Region = cluster.Region,
        NodeType = cluster.NodeType,
        Disk = cluster.Disk,
        TargetNumNodes = cluster.TargetNumNodes,
        Tags = StoredValues.Of(cluster.Tags),
        ProviderOptions = cluster.ProviderOptions,
    }.WithLifecycleOf(cluster);

    public NodeCluster ToDomain() => Restored(new NodeCluster
    {
        Uuid = StoredUuid(),
        Namespace = PartitionKey,
        CreatedDatetime = StoredCreated(),
        Name = Name,
        Nickname = Nickname,
        Provider = Provider,
        Region = Region,
        NodeType = NodeType,
        Disk = Disk,
        TargetNumNodes = TargetNumNodes,
        Tags = StoredValues.Tags(Tags),
        ProviderOptions = ProviderOptions,
    });

    public static ChangeSubject? ChangeOf(NodeCluster cluster) => ChangeSubjects.Of(cluster);
}
