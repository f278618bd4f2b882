using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Domain.Accounts;
using FunctionsCloud.Domain.Identifiers;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Storage.Actions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.Healing;

/// <summary>
/// Starts the operations nobody asked for by request (actions by the user "system"). A service busy with another
/// operation gets its turn once that one is done: a small orchestration tries again until the slot is free.
/// </summary>
public sealed class SystemOperations(ServiceOperationStarter starter, IActionStore actions)
{
    public const string User = "system";

    /// <summary>How many actions of one request may fail to start (storage or scheduling down) before it is given up.</summary>
    private const int MaxStartAttempts = 20;

    public async Task StartOrQueueAsync(SystemOperationRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (await TryStartAsync(request, durable, cancellationToken)
            || await durable.GetInstanceAsync(request.RetryInstanceId, getInputsAndOutputs: false, cancellationToken) is not null)
            return;
        await durable.ScheduleNewOrchestrationInstanceAsync(HealingNames.RetryOrchestrator, request,
            new StartOrchestrationOptions(request.RetryInstanceId), cancellationToken);
    }

    /// <summary>
    /// Starts the operation; false when the service is busy with another (try again later). A try run again (the
    /// retry's activity delivered twice, the trigger handled twice) finds the action it started and starts nothing.
    /// An action that could not be started (its orchestration was never scheduled) does not count: the next try starts
    /// one under an id derived from it.
    /// </summary>
    public async Task<bool> TryStartAsync(SystemOperationRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var planned = request.ActionUuid;
        for (var attempt = 0; await actions.GetAsync(request.Namespace, planned, cancellationToken) is { } existing; attempt++)
        {
            if (!existing.IsFinished || attempt == MaxStartAttempts
                || await durable.GetInstanceAsync(planned.ToString("D"), getInputsAndOutputs: false, cancellationToken) is not null)
                return true; // started (or being started by an earlier delivery right now)
            planned = Uuid4.NewestFirstNamed($"{planned:D}/again", Uuid4.TimeOf(planned));
        }

        var caller = new Caller(User, request.Namespace, IsInstallationAdmin: false, Role.Operator);
        var origin = new RequestInfo("SYSTEM", Reason(request), "");
        try
        {
            await starter.StartAsync(new ServiceOperationRequest(caller, origin, request.ServiceUuid, request.Kind, NodeUuid: request.NodeUuid, PlannedAction: planned),
                Prepare, durable, cancellationToken);
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
