using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Domain.Accounts;

namespace FunctionsCloud.Application.Stacks.Operations;

/// <summary>
/// The orchestration's input; the orchestration instance is the action. User, key label and role go on the services'
/// actions; <paramref name="Predecessor"/> is the operation a terminate took the stack over from, which it waits to end.
/// </summary>
public sealed record StackOperationInput(
    string Namespace, Guid StackUuid, Guid ActionUuid, StackOperationKind Kind, string User, string? ApiKeyLabel, Role Role, Guid? Predecessor = null)
{
    public string InstanceId => ActionUuid.ToString("D");
}

/// <summary>One service's part of the operation.</summary>
public sealed record StackStep(Guid ServiceUuid, string Name, ServiceOperationKind Kind);

/// <summary>The services in the order they run: each level after the one before, the services of a level at once.</summary>
public sealed record StackPlan(IReadOnlyList<IReadOnlyList<StackStep>> Levels);

/// <summary>Asks for a service's operation slot for a step, under the service action <paramref name="ServiceAction"/>.</summary>
public sealed record StackServiceClaim(StackOperationInput Operation, StackStep Step, Guid ServiceAction);

/// <summary>
/// Whether the step runs: Skip when the service has nothing to do; Refusal (with the reason) when it cannot run; else
/// the action that runs it: the claim's own, with <paramref name="Run"/> the service operation to run under it as a
/// sub-orchestration, or the same terminate already in flight on the service (no Run: the stack looks at it).
/// </summary>
public sealed record ClaimResult(bool Skip, string? Refusal, Guid? Action = null, ServiceOperationInput? Run = null);

public sealed record StackCompletionInput(StackOperationInput Operation, IReadOnlyList<string> Failures);
