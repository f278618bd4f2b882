using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.Placement;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Storage.Services;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.Healing;

/// <summary>
/// A newly Deployed node gets a container of every running EVERY_NODE service whose tags it carries: one Scale per
/// service, whose action is named by the node and the service, so that a registration retried fills nothing twice.
/// </summary>
public sealed class EveryNodeFiller(IServiceStore services, SystemOperations operations)
{
    public async Task FillAsync(Node node, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var (@namespace, nodeUuid, nodeTags) = (node.Namespace, node.Uuid, node.Tags);
        var everyNode = (await services.ListLiveAsync(@namespace, cancellationToken)).Where(s =>
            s.DeploymentStrategy == DeploymentStrategy.EveryNode
            && s.State is ServiceState.Running or ServiceState.PartlyRunning
            && s.Tags.All(nodeTags.Contains));
        foreach (var service in everyNode)
        {
            var request = SystemOperationRequest.For(@namespace, service.Uuid, ServiceOperationKind.Scale, nodeUuid, $"node {nodeUuid:D} deployed", node.CreatedDatetime);
            await operations.StartOrQueueAsync(request, durable, cancellationToken);
        }
    }
}
