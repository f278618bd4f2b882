namespace FunctionsCloud.Application.NodeTermination;

/// <param name="Failure">Why a step failed for good, if one did: the node then stays Terminating, to be terminated again.</param>
public sealed record OwnNodeTerminationCompletion(OwnNodeTerminationInput Operation, string? Failure);
