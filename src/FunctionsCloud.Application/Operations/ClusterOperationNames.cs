namespace FunctionsCloud.Application.Operations;

/// <summary>Function names of the cluster operation's orchestrator and activities, shared by the function app and callers.</summary>
public static class ClusterOperationNames
{
    public const string Orchestrator = "NodeClusterOperation";
    public const string Begin = "BeginClusterOperation";
    public const string CreateNodes = "CreateClusterNodes";
    public const string DescribeNodes = "DescribeClusterNodes";
    public const string RecordRegistrations = "RecordNodeRegistrations";
    public const string TerminateNodes = "TerminateClusterNodes";
    public const string Complete = "CompleteClusterOperation";

    /// <summary>The external event an agent's registration raises on the orchestration that created its node.</summary>
    public static string AgentRegistered(Guid nodeUuid) => $"AgentRegistered:{nodeUuid:D}";

    public static string ActionName(ClusterOperationKind kind) => kind switch
    {
        ClusterOperationKind.Deploy => "Cluster Deploy",
        ClusterOperationKind.Scale => "Cluster Scale",
        ClusterOperationKind.Terminate => "Cluster Terminate",
        ClusterOperationKind.TerminateNode => "Node Terminate",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
