namespace FunctionsCloud.Application.ServiceOperations;

/// <summary>What Begin found: the containers to redeploy and their new revisions (one at a time when Rolling), and the pacing.</summary>
public sealed record ServiceOperationPlan(bool Rolling, IReadOnlyList<RedeployTarget> Redeploys, int PollSeconds, int TimeoutSeconds);

/// <summary>A container to replace, and the revision its replacement gets (fixed by Begin, so a retried step bumps it once).</summary>
public sealed record RedeployTarget(Guid ContainerUuid, int Revision);

/// <summary>One step: the whole operation, or one container of a rolling redeploy.</summary>
public sealed record ServiceStepInput(ServiceOperationInput Operation, IReadOnlyList<RedeployTarget> Redeploys);

/// <summary>What a step waits for the agents to report.</summary>
public enum ContainerGoal
{
    Running,
    Stopped,
    Gone,
}

/// <summary>What a step changed: the containers to wait on, and what could not be done at all (e.g. no eligible node).</summary>
public sealed record StepResult(IReadOnlyList<AwaitedContainer> Awaited, IReadOnlyList<string> Failures);

/// <summary>A container a step waits on: the goal, at (at least) this revision.</summary>
public sealed record AwaitedContainer(Guid Uuid, ContainerGoal Goal, int Revision);

/// <param name="Final">The deadline has passed: whatever is still pending becomes a failure with its state.</param>
public sealed record ObserveInput(ServiceOperationInput Operation, IReadOnlyList<AwaitedContainer> Awaited, int TimeoutSeconds, bool Final);

/// <summary>The containers still pending, and one line per container that failed (name, node, reason).</summary>
public sealed record Observation(IReadOnlyList<AwaitedContainer> Pending, IReadOnlyList<string> Failures);

/// <param name="Error">Why the operation stopped short (an activity failed for good), if it did.</param>
public sealed record ServiceCompletionInput(ServiceOperationInput Operation, IReadOnlyList<string> Failures, string? Error);
