using FunctionsCloud.Application.Api;
using FunctionsCloud.Storage.Liveness;

namespace FunctionsCloud.Application.Liveness;

/// <summary>
/// The desired-state generation of nodes: whoever changes what a node should run bumps it, and the node's agent
/// hears the new generation in its next heartbeat answer (the bump changes the pointer's ETag, so that heartbeat
/// reads the pointer and sees it).
/// </summary>
public sealed class NodeGenerations(ILivenessStore liveness)
{
    /// <summary>Returns the node's new generation; 404 when the node is not watched (not registered, or terminated).</summary>
    public async Task<int> BumpAsync(string @namespace, Guid nodeUuid, CancellationToken cancellationToken)
    {
        var pointer = await liveness.UpdateAsync(@namespace, nodeUuid, p => new LivenessPatch { Generation = p.Generation + 1 }, cancellationToken)
            ?? throw new ResourceNotFoundException("node", nodeUuid.ToString());
        return pointer.Generation;
    }
}
