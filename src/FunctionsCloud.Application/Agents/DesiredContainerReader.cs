using FunctionsCloud.Application.Api;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Storage.Containers;
using FunctionsCloud.Storage.Liveness;

namespace FunctionsCloud.Application.Agents;

/// <summary>
/// What a node's agent is to run: the node's live containers that are not to be removed, at the node's
/// desired-state generation. The agent asks when a heartbeat answer names a generation it has not fetched.
/// </summary>
public sealed class DesiredContainerReader(ILivenessStore liveness, IContainerStore containers)
{
    /// <summary>404 when the node is not watched (not registered, or terminated); 401 for a secret rotated away.</summary>
    public async Task<DesiredContainers> ReadAsync(NodeIdentity node, CancellationToken cancellationToken)
    {
        // The generation is read before the rows: rows newer than it are fetched again when the agent hears of the next.
        var pointer = await liveness.GetAsync(node.Namespace, node.NodeUuid, cancellationToken)
            ?? throw new ResourceNotFoundException("node", node.NodeUuid.ToString());
        CurrentSecret.Require(node, pointer);
        var rows = await containers.ListLiveByNodeAsync(node.Namespace, node.NodeUuid, cancellationToken);
        return new DesiredContainers(pointer.Generation, rows.Where(c => c.Desired != ContainerDesire.Removed).Select(Desired).ToList());
    }

    private static DesiredContainer Desired(Container container) =>
        new(container.Uuid, container.Name, container.ServiceUuid, container.Desired == ContainerDesire.Running, container.Revision, container.Spec, container.Intent, container.VolumeSet);
}
