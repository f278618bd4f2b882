using FunctionsCloud.Application.Actions;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.Operations;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Domain.Resources;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.Stacks;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Storage.Actions;
using FunctionsCloud.Storage.Entities;
using FunctionsCloud.Storage.Services;
using FunctionsCloud.Storage.Stacks;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.Stacks.Operations;

/// <summary>The activities of a stack operation: Begin plans, Claim takes a service's slot, Complete settles. Each is idempotent.</summary>
public sealed class StackOperationActivities(
    IStackStore stacks, IServiceStore services, IActionStore actions, ActionJournal journal, TimeProvider clock)
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
    /// Takes the service's slot for the step, records the service's action and starts its operation (the
    /// ServiceOperation orchestration, under the action's uuid); an earlier attempt's slot, action and start stay.
    /// </summary>
    public async Task<ClaimResult> ClaimAsync(StackServiceClaim claim, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        var op = claim.Operation;
        ClaimResult result = new(Skip: false, Refusal: null);
        var service = await services.UpdateAsync(op.Namespace, claim.Step.ServiceUuid, s =>
        {
            if (s.ActiveAction == claim.ServiceAction)
                return false; // taken by an earlier attempt of this activity
            result = Prepare(s, claim.Step.Kind);
            if (result.Skip || result.Refusal is not null)
                return false;
            s.ActiveAction = claim.ServiceAction;
            return true;
        }, cancellationToken);
        if (service is null)
            return new ClaimResult(Skip: true, Refusal: null);
        if (service.ActiveAction == claim.ServiceAction)
            await StartServiceOperationAsync(claim, durable, cancellationToken);
        return result;
    }

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

    /// <summary>Moves the service into the step's busy state; a service with nothing to do is skipped, one that cannot is refused.</summary>
    private static ClaimResult Prepare(Service service, ServiceOperationKind kind)
    {
        if (service.ActiveAction is { } busy)
            return new ClaimResult(false, $"busy with action {ResourceUris.Action(busy)}.");
        var (target, name) = kind switch
        {
            ServiceOperationKind.Stop => (ServiceState.Stopping, "stopped"),
            ServiceOperationKind.Terminate => (ServiceState.Terminating, "terminated"),
            ServiceOperationKind.Redeploy => (ServiceState.Redeploying, "redeployed"),
            _ => (ServiceState.Starting, "started"),
        };
        if (kind == ServiceOperationKind.Stop && service.State is ServiceState.NotRunning or ServiceState.Stopped)
            return new ClaimResult(Skip: true, null);
        if (kind == ServiceOperationKind.Terminate && service.State == ServiceState.Terminated)
            return new ClaimResult(Skip: true, null);
        if (ServiceTransitions.Refusal(service.State, target, name) is { } refusal)
            return new ClaimResult(false, refusal);
        service.MoveTo(target);
        return new ClaimResult(false, null);
    }

    /// <summary>The service's own action, as its operation would have it, and the operation; an earlier attempt's stay.</summary>
    private async Task StartServiceOperationAsync(StackServiceClaim claim, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var op = claim.Operation;
        var caller = new Caller(op.User, op.Namespace, IsAdmin: false, KeyLabel: op.ApiKeyLabel);
        var request = new RequestInfo("POST", ResourceUris.Stack(op.StackUuid), "");
        var action = OperationActions.New(caller, request, claim.ServiceAction, ResourceUris.Service(claim.Step.ServiceUuid),
            ServiceOperationNames.ActionName(claim.Step.Kind), clock.GetUtcNow(), canBeCanceled: false);
        try
        {
            await actions.CreateAsync(action, cancellationToken);
        }
        catch (EntityAlreadyExistsException)
        {
        }

        var input = new ServiceOperationInput(op.Namespace, claim.Step.ServiceUuid, claim.ServiceAction, claim.Step.Kind);
        if (await durable.GetInstanceAsync(input.InstanceId, cancellationToken) is null)
            await durable.ScheduleNewOrchestrationInstanceAsync(ServiceOperationNames.Orchestrator, input, new StartOrchestrationOptions(input.InstanceId), cancellationToken);
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
}
