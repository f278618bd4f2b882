namespace FunctionsCloud.Application.Operations;

/// <summary>What an operation on a node cluster does. All of them run as one orchestration that reconciles nodes with the target.</summary>
public enum ClusterOperationKind
{
    Deploy,
    Scale,
    Terminate,
    TerminateNode,
}
