namespace FunctionsCloud.Application.NodeTermination;

/// <summary>The Reschedule actions that move a node's containers off it, as the terminate asks whether they have ended.</summary>
public sealed record OwnNodeDrainQuery(OwnNodeTerminationInput Operation, IReadOnlyList<Guid> Reschedules);
