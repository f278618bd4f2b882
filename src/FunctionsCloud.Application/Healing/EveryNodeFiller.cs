using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Domain.Placement;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Storage.Services;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.Healing;

/// <summary>A newly Deployed node gets a container of every running EVERY_NODE service whose tags it carries.</summary>
public sealed class EveryNodeFiller(IServiceStore services, SystemOperations operations)
{
    public async Task FillAsync(string @namespace, Guid nodeUuid, IReadOnlyCollection<string> nodeTags, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var everyNode = (await services.ListLiveAsync(@namespace, cancellationToken)).Where(s =>
            s.DeploymentStrategy == DeploymentStrategy.EveryNode
            && s.State is ServiceState.Running or ServiceState.PartlyRunning
            && s.Tags.All(nodeTags.Contains));
        foreach (var service in everyNode)
            await operations.StartOrQueueAsync(new SystemOperationRequest(@namespace, service.Uuid, ServiceOperationKind.Scale, nodeUuid), durable, cancellationToken);
    }
}
