using FunctionsCloud.Application.Actions;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Resources;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.Stacks;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Storage.Actions;
using FunctionsCloud.Storage.Services;
using FunctionsCloud.Storage.Stacks;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.Stacks.Operations;

/// <summary>The activities of a stack operation: Begin plans, Claim takes a service's slot, Complete settles. Each is idempotent.</summary>
public sealed class StackOperationActivities(
    IStackStore stacks, IServiceStore services, IActionStore actions, ServiceOperationStarter starter, ActionJournal journal, TimeProvider clock)
{
    public async Task<StackPlan> BeginAsync(StackOperationInput op, CancellationToken cancellationToken = default)
    {
        var members = (await services.ListByStackAsync(op.Namespace, op.StackUuid, cancellationToken)).Where(s => s.IsLive).ToList();
        var plan = StackPlanner.Plan(op.Kind, members);
        await journal.StartAsync(op.Namespace, op.ActionUuid,
            $"{StackOperationNames.ActionName(op.Kind)}: {string.Join(", then ", plan.Levels.Select(l => string.Join(" and ", l.Select(s => s.Name))))}.");
        return plan;
    }

    /// <summary>
    /// Takes the service's operation slot for the step and records its action (<see cref="ServiceOperationStarter"/>,
    /// under the service action's planned uuid), by the rules of the service's own operations: a terminate takes over a
    /// user's operation in flight, anything else finds a busy service refused. The stack's orchestration then runs the
    /// operation as its sub-orchestration. Run again, it finds the action it recorded.
    /// </summary>
    public async Task<ClaimResult> ClaimAsync(StackServiceClaim claim, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        var (op, step) = (claim.Operation, claim.Step);
        if (await actions.GetAsync(op.Namespace, claim.ServiceAction, cancellationToken) is { } recorded)
            return Claimed(claim, recorded); // recorded by an earlier attempt of this activity
        var caller = new Caller(op.User, op.Namespace, IsInstallationAdmin: false, op.Role, op.ApiKeyLabel);
        var request = new ServiceOperationRequest(caller, new RequestInfo("POST", ResourceUris.Stack(op.StackUuid), ""), step.ServiceUuid, step.Kind,
            PlannedAction: claim.ServiceAction, AsSubOrchestration: true);
        try
        {
            var (_, started) = await starter.StartAsync(request, s => Prepare(s, step.Kind), durable, cancellationToken);
            return started.Uuid == claim.ServiceAction ? Claimed(claim, started)
                : new ClaimResult(Skip: false, Refusal: null, started.Uuid); // the same terminate in flight answers for ours
        }
        catch (NothingToDoException)
        {
            return new ClaimResult(Skip: true, Refusal: null);
        }
        catch (ResourceNotFoundException)
        {
            return new ClaimResult(Skip: true, Refusal: null); // gone meanwhile
        }
        catch (OperationInProgressException busy)
        {
            return new ClaimResult(Skip: false, $"busy with action {ResourceUris.Action(busy.ActionUuid)}.");
        }
        catch (ResourceConflictException refused)
        {
            return new ClaimResult(Skip: false, refused.Message);
        }
    }

    private static ClaimResult Claimed(StackServiceClaim claim, ActionRecord action) => action.IsFinished
        ? new ClaimResult(Skip: false, $"its action {ResourceUris.Action(action.Uuid)} ended before it ran.")
        : new ClaimResult(Skip: false, Refusal: null, action.Uuid,
            new ServiceOperationInput(claim.Operation.Namespace, claim.Step.ServiceUuid, action.Uuid, claim.Step.Kind, Predecessor: action.Predecessor));

    /// <summary>The state the service settled in, once the claim's operation ended; null while it runs.</summary>
    public async Task<string?> OutcomeAsync(StackServiceClaim claim, CancellationToken cancellationToken = default)
    {
        var op = claim.Operation;
        if (await actions.GetAsync(op.Namespace, claim.ServiceAction, cancellationToken) is not { IsFinished: true })
            return null;
        var service = await services.GetAsync(op.Namespace, claim.Step.ServiceUuid, cancellationToken);
        return service is null ? ApiNames.Of(ServiceState.Terminated) : ApiNames.Of(service.State);
    }

    public async Task<string> CompleteAsync(StackCompletionInput input, CancellationToken cancellationToken = default)
    {
        var op = input.Operation;
        var members = StackMembers.Held(await services.ListByStackAsync(op.Namespace, op.StackUuid, cancellationToken));
        var stack = await stacks.UpdateAsync(op.Namespace, op.StackUuid, s =>
        {
            if (s.ActiveAction != op.ActionUuid)
                return false; // completed by an earlier attempt of this activity
            Settle(s, op.Kind, members);
            s.ActiveAction = null;
            return true;
        }, cancellationToken) ?? throw new InvalidOperationException($"Stack {op.StackUuid} is gone.");

        var state = ApiNames.Of(stack.State);
        var summary = input.Failures.Count == 0 ? $"The stack is {state}." : $"The stack is {state}. {string.Join(" ", input.Failures)}";
        await journal.FinishAsync(op.Namespace, op.ActionUuid, input.Failures.Count == 0, summary);
        return state;
    }

    /// <summary>Moves the service into the step's busy state; throws when it has nothing to do, or cannot.</summary>
    private static void Prepare(Service service, ServiceOperationKind kind)
    {
        var (target, name) = kind switch
        {
            ServiceOperationKind.Stop => (ServiceState.Stopping, "stopped"),
            ServiceOperationKind.Terminate => (ServiceState.Terminating, "terminated"),
            ServiceOperationKind.Redeploy => (ServiceState.Redeploying, "redeployed"),
            _ => (ServiceState.Starting, "started"),
        };
        if (kind == ServiceOperationKind.Stop && service.State is ServiceState.NotRunning or ServiceState.Stopped)
            throw new NothingToDoException();
        if (kind == ServiceOperationKind.Terminate && service.State == ServiceState.Terminated)
            throw new NothingToDoException();
        if (kind == ServiceOperationKind.Terminate && service.State == ServiceState.Terminating)
            return; // a terminate that could not finish, or one taking over from an operation being canceled, goes on
        if (ServiceTransitions.Refusal(service.State, target, name) is { } refusal)
            throw new ResourceConflictException(refusal);
        service.MoveTo(target);
    }

    private void Settle(Stack stack, StackOperationKind kind, IReadOnlyList<Service> members)
    {
        var now = clock.GetUtcNow();
        var settled = kind switch
        {
            StackOperationKind.Terminate when members.Count == 0 => ServiceState.Terminated,
            StackOperationKind.Terminate => ServiceState.PartlyRunning,
            StackOperationKind.Stop => members.Any(s => s.State is ServiceState.Running or ServiceState.PartlyRunning) ? ServiceState.PartlyRunning : ServiceState.Stopped,
            _ when members.All(s => s.State == ServiceState.Running) => ServiceState.Running,
            _ when members.Any(s => s.State is ServiceState.Running or ServiceState.PartlyRunning) => ServiceState.PartlyRunning,
            _ => ServiceState.NotRunning,
        };
        if (ServiceStates.Machine.CanMove(stack.State, settled))
            stack.MoveTo(settled);
        else
            stack.Restore(settled);
        if (settled == ServiceState.Terminated)
            stack.DestroyedDatetime ??= now;
        if (settled is ServiceState.Running or ServiceState.PartlyRunning)
            stack.DeployedDatetime ??= now;
    }

    /// <summary>The service is where the step would take it already.</summary>
    private sealed class NothingToDoException : Exception;
}
