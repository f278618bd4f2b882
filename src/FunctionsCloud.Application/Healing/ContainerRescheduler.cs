using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.Liveness;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Storage.Containers;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Application.Healing;

/// <summary>
/// Healing: the containers of a lost node go to other eligible nodes, one Service Reschedule operation per service
/// (an action users see). A service busy with another operation gets its reschedule once that one is done: a
/// small orchestration tries again until the slot is free.
/// </summary>
public sealed partial class ContainerRescheduler(
    IContainerStore containers, ServiceOperationStarter starter, ILogger<ContainerRescheduler> logger) : ILostNodeHandler
{
    public const string User = "system";

    public async Task HandleAsync(Node node, DurableTaskClient? durable, CancellationToken cancellationToken)
    {
        var stranded = await containers.ListLiveByNodeAsync(node.Namespace, node.Uuid, cancellationToken);
        LogLost(logger, node.Uuid, node.Namespace, node.LastSeen, stranded.Count);
        if (durable is null)
            return;
        foreach (var service in stranded.Select(c => c.ServiceUuid).Distinct())
        {
            var request = new RescheduleRequest(node.Namespace, service, node.Uuid);
            if (!await TryStartAsync(request, durable, cancellationToken))
                await durable.ScheduleNewOrchestrationInstanceAsync(HealingNames.RetryOrchestrator, request, cancellationToken);
        }
    }

    /// <summary>Starts the reschedule; false when the service is busy with another operation (try again later).</summary>
    public async Task<bool> TryStartAsync(RescheduleRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var caller = new Caller(User, request.Namespace, IsAdmin: false);
        var origin = new RequestInfo("SYSTEM", $"node {request.NodeUuid} lost", "");
        try
        {
            await starter.StartAsync(caller, origin, request.ServiceUuid, ServiceOperationKind.Reschedule, Prepare, durable,
                nodeUuid: request.NodeUuid, cancellationToken: cancellationToken);
            return true;
        }
        catch (OperationInProgressException)
        {
            return false;
        }
        catch (Exception ex) when (ex is ResourceNotFoundException or ServiceNotReschedulableException)
        {
            return true; // gone, or stopped/terminating: nothing to move
        }
    }

    private static void Prepare(Service service)
    {
        if (service.State is not (ServiceState.Running or ServiceState.PartlyRunning))
            throw new ServiceNotReschedulableException();
        service.MoveTo(ServiceState.Scaling);
    }

    private sealed class ServiceNotReschedulableException : Exception;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {Node} of namespace {Namespace} is lost (last seen {LastSeen}); rescheduling its {Containers} container(s).")]
    private static partial void LogLost(ILogger logger, Guid node, string @namespace, DateTimeOffset? lastSeen, int containers);
}
