using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Operations;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Identifiers;
using FunctionsCloud.Domain.Resources;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Storage.Containers;
using FunctionsCloud.Storage.Services;
using Microsoft.DurableTask.Client;
using static FunctionsCloud.Application.ServiceOperations.ServiceOperationKind;

namespace FunctionsCloud.Application.ServiceOperations;

/// <summary>
/// Starts an operation on a service or one of its containers through the service's operation slot
/// (<see cref="OperationSlot"/>). A service stored Not running whose containers run starts from the state GET shows
/// (<see cref="ServiceStates.AsSeen"/>), so that what users see and what operations accept agree: a redeploy canceled
/// while no container was Running settled Not running, then the agents report them Running again and GET shows Running.
/// A terminate of the service takes over from a user's start, stop, scale or redeploy of it or of its containers in
/// flight; a terminate of a container from those of the service and the container's own; the same terminate sent again
/// is answered with the one in flight.
/// </summary>
public sealed class ServiceOperationStarter(
    IServiceStore services, IContainerStore containers, OperationSlot slot, TimeProvider clock)
{
    private static readonly IReadOnlySet<string> WholeService = Names(Start, Stop, Scale, Redeploy);
    private static readonly IReadOnlySet<string> ContainerOwn = Names(StartContainer, StopContainer, RedeployContainer);
    private static readonly IReadOnlySet<string> Nothing = new HashSet<string>();

    /// <param name="prepare">Checks and changes the service for this operation (target, state); throws to refuse, changing nothing.</param>
    public async Task<(Service Service, ActionRecord Action)> StartAsync(
        ServiceOperationRequest request, Action<Service> prepare, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        var (caller, serviceUuid, kind) = (request.Caller, request.ServiceUuid, request.Kind);
        var actionUuid = request.PlannedAction ?? Uuid4.NewestFirst(clock.GetUtcNow());
        var running = await RunningAsync(caller.Namespace, serviceUuid, cancellationToken);
        var objectUri = request.ContainerUuid is { } container ? ResourceUris.Container(container) : ResourceUris.Service(serviceUuid);
        var isTerminate = kind is Terminate or TerminateContainer;
        // A terminate half done has nowhere honest to settle (Terminating only leads to Terminated): it runs to its end.
        var action = OperationActions.New(caller, request.Request, actionUuid, objectUri, ServiceOperationNames.ActionName(kind), clock.GetUtcNow(),
            canBeCanceled: !isTerminate, isUserAction: kind != Reschedule);
        var claim = new OperationClaim(action.Action, objectUri, request.JoinsSame || isTerminate, kind switch
        {
            Terminate => OperationSupersession.Of(WholeService.Union(ContainerOwn).ToHashSet(), objectUri, Nothing),
            TerminateContainer => OperationSupersession.Of(WholeService, objectUri, ContainerOwn),
            _ => null,
        });
        return await slot.StartAsync(Slot, serviceUuid, new SlotStart<Service>(claim, action, request.AsSubOrchestration ? null : ServiceOperationNames.Orchestrator,
            s =>
            {
                if (StateAsSeen(s, running) is var seen && seen != s.State)
                    s.Restore(seen);
                prepare(s);
            },
            predecessor => new ServiceOperationInput(caller.Namespace, serviceUuid, actionUuid, kind, request.ContainerUuid, request.NodeUuid, predecessor)),
            caller, durable, cancellationToken);
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

    private SlotOf<Service> Slot => new(services, s => s.ActiveAction, (s, a) => s.ActiveAction = a, Snapshot,
        uuid => new ResourceNotFoundException("service", uuid.ToString()));

    private static Action<Service> Snapshot(Service service)
    {
        var (state, target) = (service.State, service.TargetNumContainers);
        return s =>
        {
            s.Restore(state);
            s.TargetNumContainers = target;
        };
    }

    private static HashSet<string> Names(params ServiceOperationKind[] kinds) => kinds.Select(ServiceOperationNames.ActionName).ToHashSet();
}
