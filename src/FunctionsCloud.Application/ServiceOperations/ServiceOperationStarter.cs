using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.Operations;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Identifiers;
using FunctionsCloud.Domain.Resources;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Storage.Containers;
using FunctionsCloud.Storage.Services;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.ServiceOperations;

/// <summary>
/// Starts an operation on a service or one of its containers: takes the service's operation slot (an
/// ETag-guarded write), records the action, schedules the orchestration. A request that finds the slot taken
/// gets a 409 naming the action in flight, and nothing changes. A service stored Not running whose containers run
/// starts from the state GET shows (<see cref="ServiceStates.AsSeen"/>), so that what users see and what operations
/// accept agree: a redeploy canceled while no container was Running settled Not running, then the agents report them
/// Running again and GET shows Running.
/// </summary>
/// A terminate (of the service or of one of its containers) takes over from an operation in flight that can be canceled
/// (<see cref="OperationTakeover"/>).
public sealed class ServiceOperationStarter(
    IServiceStore services, IContainerStore containers, OperationLauncher launcher, OperationTakeover takeover, TimeProvider clock)
{
    /// <param name="prepare">Checks and changes the service for this operation (target, state); throws to refuse, changing nothing.</param>
    /// <param name="plannedAction">The new action's uuid, when the caller fixed it beforehand (to recognise its own retries); else a new one.</param>
    public async Task<(Service Service, ActionRecord Action)> StartAsync(
        Caller caller, RequestInfo request, Guid serviceUuid, ServiceOperationKind kind, Action<Service> prepare,
        DurableTaskClient durable, Guid? containerUuid = null, Guid? nodeUuid = null, Guid? plannedAction = null, CancellationToken cancellationToken = default)
    {
        var actionUuid = plannedAction ?? Uuid4.NewestFirst(clock.GetUtcNow());
        (ServiceState State, int Target)? before = null;
        var running = await RunningAsync(caller.Namespace, serviceUuid, cancellationToken);
        var takeOver = kind is ServiceOperationKind.Terminate or ServiceOperationKind.TerminateContainer
            ? await takeover.TakeableAsync(caller.Namespace, (await services.GetAsync(caller.Namespace, serviceUuid, cancellationToken))?.ActiveAction, cancellationToken)
            : null;
        Guid? predecessor = null;
        var service = await services.UpdateAsync(caller.Namespace, serviceUuid, s =>
        {
            if (s.ActiveAction is { } busy && busy != takeOver)
                throw new OperationInProgressException(busy);
            predecessor = s.ActiveAction;
            before = (s.State, s.TargetNumContainers);
            if (StateAsSeen(s, running) is var seen && seen != s.State)
                s.Restore(seen);
            prepare(s);
            s.ActiveAction = actionUuid;
            return true;
        }, cancellationToken) ?? throw new ResourceNotFoundException("service", serviceUuid.ToString());

        var input = new ServiceOperationInput(caller.Namespace, serviceUuid, actionUuid, kind, containerUuid, nodeUuid, predecessor);
        // A terminate half done has nowhere honest to settle (Terminating only leads to Terminated): it runs to its end.
        var action = OperationActions.New(caller, request, actionUuid,
            containerUuid is { } container ? ResourceUris.Container(container) : ResourceUris.Service(serviceUuid),
            ServiceOperationNames.ActionName(kind), clock.GetUtcNow(),
            canBeCanceled: kind != ServiceOperationKind.Terminate, isUserAction: kind != ServiceOperationKind.Reschedule);
        await launcher.LaunchAsync(action, ServiceOperationNames.Orchestrator, input, durable,
            () => ReleaseAsync(caller.Namespace, serviceUuid, actionUuid, predecessor, before!.Value.State, before.Value.Target), cancellationToken);
        if (predecessor is { } inFlight)
            await takeover.CancelAsync(caller, inFlight, actionUuid, durable, cancellationToken);
        return (service, action);
    }

    /// <summary>How many of the service's containers the agents report Running.</summary>
    public async Task<int> RunningAsync(string @namespace, Guid serviceUuid, CancellationToken cancellationToken) =>
        (await containers.ListByServiceAsync(@namespace, serviceUuid, cancellationToken)).Count(c => c.State == ContainerState.Running);

    /// <summary>
    /// The state a service with no operation in flight is taken to be in: as GET shows it when it is stored Not running
    /// but its containers run (GET follows them). A service stored as running is taken at its word (whether its
    /// containers exited or were never reported), so that it can still be stopped, scaled or redeployed.
    /// </summary>
    public static ServiceState StateAsSeen(Service service, int running) =>
        service.State == ServiceState.NotRunning ? ServiceStates.AsSeen(service.State, busy: false, service.TargetNumContainers, running) : service.State;

    /// <summary>Gives the slot back (to the operation it was taken over from, if any) when the operation could not be started at all.</summary>
    private Task ReleaseAsync(string ns, Guid serviceUuid, Guid actionUuid, Guid? predecessor, ServiceState state, int target) =>
        services.UpdateAsync(ns, serviceUuid, s =>
        {
            if (s.ActiveAction != actionUuid)
                return false;
            s.ActiveAction = predecessor;
            s.Restore(state);
            s.TargetNumContainers = target;
            return true;
        }, CancellationToken.None);
}
