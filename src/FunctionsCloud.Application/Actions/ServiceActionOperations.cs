using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.Containers;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Application.Services;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Storage.Containers;
using FunctionsCloud.Storage.Services;
using Microsoft.DurableTask.Client;
using static FunctionsCloud.Application.ServiceOperations.ServiceOperationKind;

namespace FunctionsCloud.Application.Actions;

/// <summary>Cancel and retry for service and container operations, retried through the same requests users send.</summary>
public sealed class ServiceActionOperations(
    IServiceStore services,
    IContainerStore containers,
    ServiceService serviceService,
    ContainerService containerService,
    ServiceOperationActivities activities,
    ActionJournal journal) : IActionOperations
{
    private static readonly Dictionary<string, ServiceOperationKind> Kinds =
        Enum.GetValues<ServiceOperationKind>().ToDictionary(ServiceOperationNames.ActionName);

    public bool Tracks(ActionRecord action) => Kinds.ContainsKey(action.Action);

    public async Task<string?> RetryRefusalAsync(ActionRecord action, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(action, cancellationToken) is not { } resolved)
            return "its object no longer exists.";
        var (input, container) = resolved;
        if (await services.GetAsync(input.Namespace, input.ServiceUuid, cancellationToken) is not { IsLive: true })
            return "its service is terminated.";
        return container is { IsLive: false } ? "its container is terminated." : null;
    }

    public async Task<ActionRecord> RetryAsync(
        ActionRecord action, Caller caller, RequestInfo request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var input = await InputAsync(action, cancellationToken) ?? throw new ResourceConflictException("The action cannot be retried: its object no longer exists.");
        var (service, container) = (input.ServiceUuid, input.ContainerUuid ?? Guid.Empty);
        return input.Kind switch
        {
            Start => (await serviceService.StartAsync(caller, request, service, durable, cancellationToken)).Action,
            Stop => (await serviceService.StopAsync(caller, request, service, durable, cancellationToken)).Action,
            Scale => (await serviceService.ScaleAsync(caller, request, service, durable, cancellationToken)).Action,
            Redeploy => (await serviceService.RedeployAsync(caller, request, service, durable, cancellationToken)).Action,
            Terminate => (await serviceService.TerminateAsync(caller, request, service, durable, cancellationToken)).Action,
            StartContainer => (await containerService.StartAsync(caller, request, container, durable, cancellationToken)).Action,
            StopContainer => (await containerService.StopAsync(caller, request, container, durable, cancellationToken)).Action,
            RedeployContainer => (await containerService.RedeployAsync(caller, request, container, durable, cancellationToken)).Action,
            TerminateContainer => (await containerService.TerminateAsync(caller, request, container, durable, cancellationToken)).Action,
            _ => throw new ResourceConflictException($"A {action.Action} cannot be retried."),
        };
    }

    public async Task SettleAsync(ActionRecord action, CancellationToken cancellationToken)
    {
        if (await InputAsync(action, cancellationToken) is { } input && await services.GetAsync(input.Namespace, input.ServiceUuid, cancellationToken) is not null)
            await activities.CompleteAsync(new ServiceCompletionInput(input, [], null), cancellationToken);
        else
            await journal.FinishAsync(action.Namespace, action.Uuid, succeeded: false, "Its service no longer exists.");
    }

    /// <summary>The orchestration input the action was started with (a lost node's uuid aside); null when its object is gone.</summary>
    private async Task<ServiceOperationInput?> InputAsync(ActionRecord action, CancellationToken cancellationToken) =>
        (await ResolveAsync(action, cancellationToken))?.Input;

    /// <summary>The input, with the container a container's action is on as read for it (null for a service's action).</summary>
    private async Task<(ServiceOperationInput Input, Container? Container)?> ResolveAsync(ActionRecord action, CancellationToken cancellationToken)
    {
        var kind = Kinds[action.Action];
        if (ActionObject.UuidOf(action.Object) is not { } uuid)
            return null;
        if (kind is not (StartContainer or StopContainer or RedeployContainer or TerminateContainer))
            return (new ServiceOperationInput(action.Namespace, uuid, action.Uuid, kind), null);
        return await containers.GetAsync(action.Namespace, uuid, cancellationToken) is { } container
            ? (new ServiceOperationInput(action.Namespace, container.ServiceUuid, action.Uuid, kind, uuid), container)
            : null;
    }
}
