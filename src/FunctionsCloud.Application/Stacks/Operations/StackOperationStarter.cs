using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.Operations;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Identifiers;
using FunctionsCloud.Domain.Resources;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.Stacks;
using FunctionsCloud.Storage.Stacks;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.Stacks.Operations;

/// <summary>
/// Starts an operation on a stack through the stack's operation slot (<see cref="OperationSlot"/>), under the rules of
/// services' operations: a terminate of the stack takes over from a user's start, stop or redeploy of it in flight
/// (which it cancels and waits for); the same terminate sent again is answered with the one in flight; anything else
/// finding the slot held gets a 409 naming the action in flight.
/// </summary>
public sealed class StackOperationStarter(IStackStore stacks, OperationSlot slot, TimeProvider clock)
{
    private static readonly IReadOnlySet<string> Superseded = new HashSet<string>
    {
        StackOperationNames.ActionName(StackOperationKind.Start),
        StackOperationNames.ActionName(StackOperationKind.Stop),
        StackOperationNames.ActionName(StackOperationKind.Redeploy),
    };

    public Task<(Stack Stack, ActionRecord Action)> StartAsync(
        Caller caller, RequestInfo request, Guid stackUuid, StackOperationKind kind, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var actionUuid = Uuid4.NewestFirst(clock.GetUtcNow());
        var objectUri = ResourceUris.Stack(stackUuid);
        // A terminate half done has nowhere honest to settle (Terminating only leads to Terminated): it runs to its end.
        var isTerminate = kind == StackOperationKind.Terminate;
        var action = OperationActions.New(caller, request, actionUuid, objectUri, StackOperationNames.ActionName(kind), clock.GetUtcNow(),
            canBeCanceled: !isTerminate);
        var claim = new OperationClaim(action.Action, objectUri, JoinsSame: isTerminate,
            isTerminate ? OperationSupersession.Of(Superseded, objectUri, new HashSet<string>()) : null);
        return slot.StartAsync(Slot, stackUuid,
            new SlotStart<Stack>(claim, action, StackOperationNames.Orchestrator, s => Enter(s, kind),
                predecessor => new StackOperationInput(caller.Namespace, stackUuid, actionUuid, kind, caller.User, caller.KeyLabel, caller.Role, predecessor)),
            caller, durable, cancellationToken);
    }

    private SlotOf<Stack> Slot => new(stacks, s => s.ActiveAction, (s, a) => s.ActiveAction = a, Snapshot, NotFound);

    private static void Enter(Stack stack, StackOperationKind kind)
    {
        if (!stack.Complete)
            throw NotFound(stack.Uuid); // its services are still being written: nobody's to see yet
        var (busy, name) = kind switch
        {
            StackOperationKind.Start => (ServiceState.Starting, "started"),
            StackOperationKind.Stop => (ServiceState.Stopping, "stopped"),
            StackOperationKind.Redeploy => (ServiceState.Redeploying, "redeployed"),
            _ => (ServiceState.Terminating, "terminated"),
        };
        if (kind == StackOperationKind.Terminate && stack.State == ServiceState.Terminated)
            throw new ResourceConflictException("The stack is already Terminated.");
        if (kind == StackOperationKind.Terminate && stack.State == ServiceState.Terminating)
            return; // a terminate that could not finish (or that takes over from one being canceled) goes on
        if (ServiceTransitions.Refusal(stack.State, busy, name) is { } refusal)
            throw new ResourceConflictException(refusal.Replace("service", "stack", StringComparison.Ordinal));
        stack.MoveTo(busy);
    }

    private static Action<Stack> Snapshot(Stack stack)
    {
        var state = stack.State;
        return s => s.Restore(state);
    }

    private static ResourceNotFoundException NotFound(Guid uuid) => new("stack", uuid.ToString());
}
