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
/// Starts an operation on a stack: takes the stack's operation slot (an ETag-guarded write; a request that finds it
/// taken gets a 409 naming the action in flight, and nothing changes), records the action, schedules the orchestration.
/// </summary>
public sealed class StackOperationStarter(IStackStore stacks, OperationLauncher launcher, TimeProvider clock)
{
    public async Task<(Stack Stack, ActionRecord Action)> StartAsync(
        Caller caller, RequestInfo request, Guid stackUuid, StackOperationKind kind, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var actionUuid = Uuid4.NewestFirst(clock.GetUtcNow());
        ServiceState? before = null;
        var stack = await stacks.UpdateAsync(caller.Namespace, stackUuid, s =>
        {
            if (!s.Complete)
                throw NotFound(stackUuid);
            if (s.ActiveAction is { } busy)
                throw new OperationInProgressException(busy);
            before = s.State;
            Enter(s, kind);
            s.ActiveAction = actionUuid;
            return true;
        }, cancellationToken) ?? throw NotFound(stackUuid);

        var input = new StackOperationInput(caller.Namespace, stackUuid, actionUuid, kind, caller.User, caller.KeyLabel);
        var action = OperationActions.New(caller, request, actionUuid, ResourceUris.Stack(stackUuid), StackOperationNames.ActionName(kind),
            clock.GetUtcNow(), canBeCanceled: false);
        await launcher.LaunchAsync(action, StackOperationNames.Orchestrator, input, durable,
            () => ReleaseAsync(caller.Namespace, stackUuid, actionUuid, before!.Value), cancellationToken);
        return (stack, action);
    }

    private static void Enter(Stack stack, StackOperationKind kind)
    {
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
            return; // a terminate that could not finish may be sent again
        if (ServiceTransitions.Refusal(stack.State, busy, name) is { } refusal)
            throw new ResourceConflictException(refusal.Replace("service", "stack", StringComparison.Ordinal));
        stack.MoveTo(busy);
    }

    private Task ReleaseAsync(string ns, Guid stackUuid, Guid actionUuid, ServiceState state) =>
        stacks.UpdateAsync(ns, stackUuid, s =>
        {
            if (s.ActiveAction != actionUuid)
                return false;
            s.ActiveAction = null;
            s.Restore(state);
            return true;
        }, CancellationToken.None);

    private static ResourceNotFoundException NotFound(Guid uuid) => new("stack", uuid.ToString());
}
