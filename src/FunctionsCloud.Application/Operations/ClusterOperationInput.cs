namespace FunctionsCloud.Application.Operations;

/// <summary>
/// The orchestration's input. <see cref="NodeUuid"/> is set for <see cref="ClusterOperationKind.TerminateNode"/>;
/// <see cref="Predecessor"/> names the operation a terminate took the cluster over from (<see cref="PredecessorWait"/>).
/// </summary>
public sealed record ClusterOperationInput(
    string Namespace, Guid ClusterUuid, Guid ActionUuid, ClusterOperationKind Kind, Guid? NodeUuid = null, Guid? Predecessor = null)
{
    /// <summary>The orchestration instance is the action: one id names both.</summary>
    public string InstanceId => ActionUuid.ToString("D");
}
