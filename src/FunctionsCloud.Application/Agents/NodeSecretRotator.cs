using FunctionsCloud.Application.Api;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Storage.Liveness;

namespace FunctionsCloud.Application.Agents;

/// <summary>
/// Replaces a node's secret: the version the liveness pointer accepts moves on, so the old secret (and every
/// lease made for it) is refused from then on, and the node gets a secret of the new version.
/// </summary>
public sealed class NodeSecretRotator(ILivenessStore liveness, NodeCredentials credentials)
{
    public async Task<SecretRotationResponse> RotateAsync(NodeIdentity node, CancellationToken cancellationToken)
    {
        var stale = false;
        var pointer = await liveness.UpdateAsync(node.Namespace, node.NodeUuid, p =>
        {
            stale = p.SecretVersion != node.SecretVersion;
            return stale ? null : new LivenessPatch { SecretVersion = p.SecretVersion + 1 };
        }, cancellationToken) ?? throw new ResourceNotFoundException("node", node.NodeUuid.ToString());
        if (stale)
            throw new AuthenticationFailedException("The node secret was replaced by a newer one (rotated).");

        var rotated = node with { SecretVersion = pointer.SecretVersion };
        // An Unreachable node gets no lease: its next heartbeat must take the path that brings it back.
        var lease = pointer.Unreachable ? null : credentials.IssueLease(HeartbeatLease.Of(pointer));
        return new SecretRotationResponse(node.NodeUuid, credentials.IssueNodeSecret(rotated), lease);
    }
}
