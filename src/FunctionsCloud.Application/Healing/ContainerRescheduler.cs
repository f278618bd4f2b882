using FunctionsCloud.Application.Liveness;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Storage.Containers;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Application.Healing;

/// <summary>Healing: the containers of a lost node go to other eligible nodes, one Service Reschedule operation per service.</summary>
public sealed partial class ContainerRescheduler(
    IContainerStore containers, SystemOperations operations, ILogger<ContainerRescheduler> logger) : ILostNodeHandler
{
    public async Task HandleAsync(Node node, DurableTaskClient? durable, CancellationToken cancellationToken)
    {
        var stranded = await containers.ListLiveByNodeAsync(node.Namespace, node.Uuid, cancellationToken);
        LogLost(logger, node.Uuid, node.Namespace, node.LastSeen, stranded.Count);
        if (durable is null)
            return;
        foreach (var service in stranded.Select(c => c.ServiceUuid).Distinct())
        {
            await operations.StartOrQueueAsync(
                new SystemOperationRequest(node.Namespace, service, ServiceOperationKind.Reschedule, node.Uuid), durable, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {Node} of namespace {Namespace} is lost (last seen {LastSeen}); rescheduling its {Containers} container(s).")]
    private static partial void LogLost(ILogger logger, Guid node, string @namespace, DateTimeOffset? lastSeen, int containers);
}
