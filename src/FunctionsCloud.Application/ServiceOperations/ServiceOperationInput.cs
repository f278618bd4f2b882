namespace FunctionsCloud.Application.ServiceOperations;

/// <summary>
/// The orchestration's input. <see cref="ContainerUuid"/> names the container of the Container* kinds;
/// <see cref="NodeUuid"/> the lost node of <see cref="ServiceOperationKind.Reschedule"/>; <see cref="Predecessor"/> the
/// operation a terminate took the service over from, which it waits to end (<see cref="Operations.PredecessorWait"/>).
/// </summary>
public sealed record ServiceOperationInput(
    string Namespace, Guid ServiceUuid, Guid ActionUuid, ServiceOperationKind Kind, Guid? ContainerUuid = null, Guid? NodeUuid = null, Guid? Predecessor = null)
{
    /// <summary>The orchestration instance is the action: one id names both.</summary>
    public string InstanceId => ActionUuid.ToString("D");
}
