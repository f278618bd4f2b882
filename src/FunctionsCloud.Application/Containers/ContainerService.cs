using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Placement;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Storage.Containers;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.Containers;

/// <summary>
/// What users do with single containers. Each operation is an operation on the container's service (one per
/// service at a time), which passes through Scaling (Redeploying for a redeploy) where its state allows.
/// </summary>
public sealed class ContainerService(IContainerStore containers, ServiceOperationStarter operations)
{
    public IReadOnlySet<string> FilterableFields => containers.QueryableFields;

    public async Task<(IReadOnlyList<ContainerResource> Items, int Total)> ListAsync(Caller caller, ListRequest request, CancellationToken cancellationToken)
    {
        var page = await containers.ListAsync(caller.Namespace, request.ToQuery(), request.Offset, request.Limit, cancellationToken);
        return (page.Items.Select(ContainerResource.From).ToList(), page.TotalCount);
    }

    public async Task<ContainerResource> GetAsync(Caller caller, Guid uuid, CancellationToken cancellationToken) =>
        ContainerResource.From(await LoadAsync(caller, uuid, cancellationToken));

    public Task<(ContainerResource Container, ActionRecord Action)> StartAsync(
        Caller caller, RequestInfo info, Guid uuid, DurableTaskClient durable, CancellationToken cancellationToken) =>
        OperateAsync(caller, info, uuid, ServiceOperationKind.StartContainer, durable, cancellationToken,
            c => c.State == ContainerState.Stopped ? null : "only a Stopped container can be started.");

    public Task<(ContainerResource Container, ActionRecord Action)> StopAsync(
        Caller caller, RequestInfo info, Guid uuid, DurableTaskClient durable, CancellationToken cancellationToken) =>
        OperateAsync(caller, info, uuid, ServiceOperationKind.StopContainer, durable, cancellationToken,
            c => c.State is ContainerState.Running or ContainerState.Starting ? null : "only a Running or Starting container can be stopped.");

    /// <param name="reuseVolumes">False gives the new container new, empty named volumes (Docker Cloud's reuse_volumes).</param>
    public Task<(ContainerResource Container, ActionRecord Action)> RedeployAsync(
        Caller caller, RequestInfo info, Guid uuid, DurableTaskClient durable, CancellationToken cancellationToken, bool reuseVolumes = true) =>
        OperateAsync(caller, info, uuid, ServiceOperationKind.RedeployContainer, durable, cancellationToken,
            c => c.IsLive ? null : "it cannot be redeployed.", s => s.FreshVolumes = !reuseVolumes);

    /// <summary>Terminates the container and lowers its service's target by one, so that no scale brings it back.</summary>
    public Task<(ContainerResource Container, ActionRecord Action)> TerminateAsync(
        Caller caller, RequestInfo info, Guid uuid, DurableTaskClient durable, CancellationToken cancellationToken) =>
        OperateAsync(caller, info, uuid, ServiceOperationKind.TerminateContainer, durable, cancellationToken,
            c => c.State == ContainerState.Terminated ? "it is gone already." : null);

    /// <param name="refusal">Why the container, as it is, cannot undergo the operation; null when it can.</param>
    private async Task<(ContainerResource Container, ActionRecord Action)> OperateAsync(
        Caller caller, RequestInfo info, Guid uuid, ServiceOperationKind kind, DurableTaskClient durable, CancellationToken cancellationToken,
        Func<Container, string?> refusal, Action<Service>? also = null)
    {
        var container = await LoadAsync(caller, uuid, cancellationToken);
        if (refusal(container) is { } reason)
            throw new ResourceConflictException($"The container is {ApiNames.Of(container.State)}; {reason}");
        var (_, action) = await operations.StartAsync(
            new ServiceOperationRequest(caller, info, container.ServiceUuid, kind, ContainerUuid: uuid), s =>
            {
                Prepare(s, kind);
                also?.Invoke(s);
            }, durable, cancellationToken);
        return (ContainerResource.From(container), action);
    }

    private static void Prepare(Service service, ServiceOperationKind kind)
    {
        if (!service.IsLive)
            throw new ResourceConflictException($"The container's service is {ApiNames.Of(service.State)}.");
        if (kind == ServiceOperationKind.TerminateContainer && service.DeploymentStrategy != DeploymentStrategy.EveryNode)
            service.TargetNumContainers = Math.Max(0, service.TargetNumContainers - 1);
        // A service that cannot pass through the busy state (e.g. Not running) keeps its state; the operation settles it.
        var busy = kind == ServiceOperationKind.RedeployContainer ? ServiceState.Redeploying : ServiceState.Scaling;
        if (ServiceStates.Machine.CanMove(service.State, busy))
            service.MoveTo(busy);
    }

    private async Task<Container> LoadAsync(Caller caller, Guid uuid, CancellationToken cancellationToken) =>
        await containers.GetAsync(caller.Namespace, uuid, cancellationToken) ?? throw new ResourceNotFoundException("container", uuid.ToString());
}
