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

    /// <summary>
    /// Bumps the generation from the pointer as the caller just wrote it (<paramref name="version"/>, at
    /// <paramref name="generation"/>): one write and no read. When the pointer moved on since, bumps it as
    /// <see cref="BumpAsync(string, Guid, CancellationToken)"/> does; its new version is then not known (null).
    /// </summary>
    public async Task<(int Generation, string? Version)> BumpAsync(
        string @namespace, Guid nodeUuid, string version, int generation, CancellationToken cancellationToken)
    {
        var write = new LivenessWrite(@namespace, nodeUuid, version, new LivenessPatch { Generation = generation + 1 });
        return await liveness.TryWriteAsync(write, cancellationToken) is { } written
            ? (generation + 1, written)
            : (await BumpAsync(@namespace, nodeUuid, cancellationToken), null);
    }
}
