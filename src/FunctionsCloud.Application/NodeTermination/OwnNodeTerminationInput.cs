namespace FunctionsCloud.Application.NodeTermination;

/// <summary>The orchestration's input; the orchestration instance is the action (one id names both).</summary>
public sealed record OwnNodeTerminationInput(string Namespace, Guid NodeUuid, Guid ActionUuid)
{
    public string InstanceId => ActionUuid.ToString("D");
}

/// <summary>How long the agent is given to act on the node's new desired state before it is told the node is gone.</summary>
public sealed record OwnNodeTerminationPlan(int DrainSeconds);
