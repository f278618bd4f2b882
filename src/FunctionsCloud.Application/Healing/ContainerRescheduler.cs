using FunctionsCloud.Application.Liveness;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Storage.Containers;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Application.Healing;

/// <summary>
/// Healing: the containers of a lost node (or of a node being terminated) go to other eligible nodes, one Service
/// Reschedule operation per service, by the services' own policies (EVERY_NODE services just lose theirs).
/// </summary>
public sealed partial class ContainerRescheduler(
    IContainerStore containers, SystemOperations operations, ILogger<ContainerRescheduler> logger) : ILostNodeHandler
{
    public async Task HandleAsync(Node node, DurableTaskClient? durable, CancellationToken cancellationToken)
    {
        var stranded = await containers.ListLiveByNodeAsync(node.Namespace, node.Uuid, cancellationToken);
        LogLost(logger, node.Uuid, node.Namespace, node.LastSeen, stranded.Count);
        if (durable is not null)
            await MoveAsync(node.Namespace, node.Uuid, stranded, durable, cancellationToken);
    }

    /// <summary>Moves the node's live containers to other nodes (a node being terminated); returns the services whose they are.</summary>
    public async Task<IReadOnlyList<Guid>> MoveOffAsync(string @namespace, Guid nodeUuid, DurableTaskClient durable, CancellationToken cancellationToken) =>
        await MoveAsync(@namespace, nodeUuid, await containers.ListLiveByNodeAsync(@namespace, nodeUuid, cancellationToken), durable, cancellationToken);

    private async Task<IReadOnlyList<Guid>> MoveAsync(
        string @namespace, Guid nodeUuid, IReadOnlyList<Container> stranded, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var services = stranded.Select(c => c.ServiceUuid).Distinct().ToList();
        foreach (var service in services)
        {
            await operations.StartOrQueueAsync(
                new SystemOperationRequest(@namespace, service, ServiceOperationKind.Reschedule, nodeUuid), durable, cancellationToken);
        }

        return services;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {Node} of namespace {Namespace} is lost (last seen {LastSeen}); rescheduling its {Containers} container(s).")]
    private static partial void LogLost(ILogger logger, Guid node, string @namespace, DateTimeOffset? lastSeen, int containers);
}
