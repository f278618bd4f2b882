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
        var pointer = await liveness.UpdateAsync(node.Namespace, node.NodeUuid, p =>
        {
            CurrentSecret.Require(node, p);
            return new LivenessPatch { SecretVersion = p.SecretVersion + 1 };
        }, cancellationToken) ?? throw new ResourceNotFoundException("node", node.NodeUuid.ToString());
        var rotated = node with { SecretVersion = pointer.SecretVersion };
        // An Unreachable node gets no lease: its next heartbeat must take the path that brings it back.
        var lease = pointer.Unreachable ? null : credentials.IssueLease(HeartbeatLease.Of(pointer));
        return new SecretRotationResponse(node.NodeUuid, credentials.IssueNodeSecret(rotated), lease);
    }
}
