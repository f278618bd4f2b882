using FunctionsCloud.Application.ServiceOperations;

namespace FunctionsCloud.Application.Stacks.Operations;

/// <summary>The orchestration's input; the orchestration instance is the action. User and key label go on the services' actions.</summary>
public sealed record StackOperationInput(string Namespace, Guid StackUuid, Guid ActionUuid, StackOperationKind Kind, string User, string? ApiKeyLabel)
{
    public string InstanceId => ActionUuid.ToString("D");
}

/// <summary>One service's part of the operation.</summary>
public sealed record StackStep(Guid ServiceUuid, string Name, ServiceOperationKind Kind);

/// <summary>The services in the order they run: each level after the one before, the services of a level at once.</summary>
public sealed record StackPlan(IReadOnlyList<IReadOnlyList<StackStep>> Levels);

/// <summary>Asks for a service's operation slot for a step, under the service action <paramref name="ServiceAction"/>.</summary>
public sealed record StackServiceClaim(StackOperationInput Operation, StackStep Step, Guid ServiceAction);

/// <summary>Whether the step runs: Skip when the service has nothing to do; Refusal (with the reason) when it cannot run.</summary>
public sealed record ClaimResult(bool Skip, string? Refusal);

public sealed record StackCompletionInput(StackOperationInput Operation, IReadOnlyList<string> Failures);
