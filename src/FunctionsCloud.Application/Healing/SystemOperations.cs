using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Domain.Accounts;
using FunctionsCloud.Domain.Identifiers;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Storage.Actions;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.Healing;

/// <summary>
/// Starts the operations nobody asked for by request (actions by the user "system"). A service busy with another
/// operation gets its turn once that one is done: a small orchestration tries again until the slot is free.
/// </summary>
public sealed class SystemOperations(ServiceOperationStarter starter, IActionStore actions, TimeProvider clock)
{
    public const string User = "system";

    public async Task StartOrQueueAsync(SystemOperationRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        request = request with { ActionUuid = request.ActionUuid ?? Uuid4.NewestFirst(clock.GetUtcNow()) };
        if (!await TryStartAsync(request, durable, cancellationToken))
            await durable.ScheduleNewOrchestrationInstanceAsync(HealingNames.RetryOrchestrator, request, cancellationToken);
    }

    /// <summary>
    /// Starts the operation; false when the service is busy with another (try again later). A try run again (the
    /// retry's activity delivered twice) finds the action it started and starts nothing.
    /// </summary>
    public async Task<bool> TryStartAsync(SystemOperationRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (request.ActionUuid is { } planned && await actions.GetAsync(request.Namespace, planned, cancellationToken) is not null)
            return true;
        var caller = new Caller(User, request.Namespace, IsAdmin: false, Role.Operator);
        var origin = new RequestInfo("SYSTEM", Reason(request), "");
        try
        {
            await starter.StartAsync(caller, origin, request.ServiceUuid, request.Kind, Prepare, durable,
                nodeUuid: request.NodeUuid, plannedAction: request.ActionUuid, cancellationToken: cancellationToken);
            return true;
        }
        catch (OperationInProgressException)
        {
            return false;
        }
        catch (Exception ex) when (ex is ResourceNotFoundException or NotRunningException)
        {
            return true; // gone, stopped or terminating meanwhile: nothing to do
        }
    }

    /// <summary>Only a service that runs is kept running; one stopped or being terminated is left as it is.</summary>
    private static void Prepare(Service service)
    {
        if (service.State is not (ServiceState.Running or ServiceState.PartlyRunning))
            throw new NotRunningException();
        service.MoveTo(ServiceState.Scaling);
    }

    private static string Reason(SystemOperationRequest request) => request.Kind == ServiceOperationKind.Reschedule
        ? $"node {request.NodeUuid} lost or terminated"
        : $"node {request.NodeUuid} deployed";

    private sealed class NotRunningException : Exception;
}
