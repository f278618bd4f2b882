namespace FunctionsCloud.Application.NodeTermination;

/// <summary>How the terminate waits for the node's containers to move.</summary>
/// <param name="PollSeconds">Between looks at the Reschedule actions.</param>
/// <param name="DrainTimeoutSeconds">How long they may take (they may queue behind other operations of their services).</param>
/// <param name="GraceSeconds">Once they ended, how long the agent is given to act on its node's new desired state (one heartbeat).</param>
public sealed record OwnNodeTerminationPlan(int PollSeconds, int DrainTimeoutSeconds, int GraceSeconds);
