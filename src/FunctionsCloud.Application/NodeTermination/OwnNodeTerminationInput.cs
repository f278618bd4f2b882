namespace FunctionsCloud.Application.NodeTermination;

/// <summary>The orchestration's input; the orchestration instance is the action (one id names both).</summary>
public sealed record OwnNodeTerminationInput(string Namespace, Guid NodeUuid, Guid ActionUuid)
{
    public string InstanceId => ActionUuid.ToString("D");
}
