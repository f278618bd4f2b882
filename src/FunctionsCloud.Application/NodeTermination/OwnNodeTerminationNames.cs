namespace FunctionsCloud.Application.NodeTermination;

/// <summary>Function names of the terminate of a host of one's own (a node in no cluster).</summary>
public static class OwnNodeTerminationNames
{
    public const string Orchestrator = "OwnNodeTermination";
    public const string Begin = "BeginOwnNodeTermination";
    public const string MoveContainers = "MoveOwnNodeContainers";
    public const string HaveContainersMoved = "HaveOwnNodeContainersMoved";
    public const string Complete = "CompleteOwnNodeTermination";
}
