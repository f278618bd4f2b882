using FunctionsCloud.Application.Liveness;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Identifiers;
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
            await MoveAsync(node.Namespace, node.Uuid, stranded, $"node {node.Uuid:D} lost after {node.LastSeen:O}", node.LastSeen ?? node.CreatedDatetime, durable, cancellationToken);
    }

    /// <summary>
    /// Moves the node's live containers to other nodes (a node being terminated by <paramref name="terminate"/>); returns
    /// the Reschedule actions, one per service with containers there (the same ones when asked again).
    /// </summary>
    public async Task<IReadOnlyList<Guid>> MoveOffAsync(string @namespace, Guid nodeUuid, Guid terminate, DurableTaskClient durable, CancellationToken cancellationToken) =>
        await MoveAsync(@namespace, nodeUuid, await containers.ListLiveByNodeAsync(@namespace, nodeUuid, cancellationToken),
            $"terminate {terminate:D}", Uuid4.TimeOf(terminate), durable, cancellationToken);

    /// <param name="trigger">What moves them, named once per occurrence: the Reschedule actions' uuids are made from it.</param>
    private async Task<IReadOnlyList<Guid>> MoveAsync(string @namespace, Guid nodeUuid, IReadOnlyList<Container> stranded,
        string trigger, DateTimeOffset at, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var requests = stranded.Select(c => c.ServiceUuid).Distinct()
            .Select(service => SystemOperationRequest.For(@namespace, service, ServiceOperationKind.Reschedule, nodeUuid, trigger, at)).ToList();
        foreach (var request in requests)
            await operations.StartOrQueueAsync(request, durable, cancellationToken);
        return requests.Select(r => r.ActionUuid).ToList();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {Node} of namespace {Namespace} is lost (last seen {LastSeen}); rescheduling its {Containers} container(s).")]
    private static partial void LogLost(ILogger logger, Guid node, string @namespace, DateTimeOffset? lastSeen, int containers);
}
