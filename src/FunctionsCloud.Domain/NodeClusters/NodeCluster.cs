using FunctionsCloud.Domain.States;

namespace FunctionsCloud.Domain.NodeClusters;

/// <summary>A group of nodes of one provider, region and node type, scaled together.</summary>
public sealed class NodeCluster : Lifecycle.IOperatedObject<NodeClusterState>
{
    public required Guid Uuid { get; init; }
    public required string Namespace { get; init; }
    public required string Name { get; init; }
    public string Nickname { get; set; } = "";
    public NodeClusterState State { get; private set; } = NodeClusterState.Init;
    public required string Provider { get; init; }
    public required string Region { get; init; }
    public required string NodeType { get; init; }
    public int Disk { get; init; } = NodeClusterRules.DefaultDiskGb;
    public int TargetNumNodes { get; set; } = 1;
    public IReadOnlyList<string> Tags { get; set; } = [];
    /// <summary>Provider-specific options as the user sent them (JSON), e.g. AWS VPC and IAM settings.</summary>
    public string? ProviderOptions { get; init; }
    public DateTimeOffset CreatedDatetime { get; init; }
    public DateTimeOffset? DeployedDatetime { get; set; }
    public DateTimeOffset? DestroyedDatetime { get; set; }
    /// <summary>The action of the operation in flight, if any: one operation per cluster at a time.</summary>
    public Guid? ActiveAction { get; set; }
    /// <summary>Optimistic concurrency stamp of the stored copy (the table entity's ETag).</summary>
    public string? Version { get; set; }

    public void MoveTo(NodeClusterState next) => State = NodeClusterStates.Machine.Move("node cluster", State, next);

    /// <summary>Rehydrates a stored state without checking transitions.</summary>
    public void Restore(NodeClusterState state) => State = state;

    public bool IsTerminated => State is NodeClusterState.Terminated or NodeClusterState.Terminating;
}
