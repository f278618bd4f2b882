using FunctionsCloud.Application.Api;
using FunctionsCloud.Storage.Liveness;

namespace FunctionsCloud.Application.Agents;

/// <summary>A node secret is checked by its signature without storage; whether it is still the node's newest is up to its liveness pointer.</summary>
public static class CurrentSecret
{
    /// <summary>401 when the secret's version is not the one the pointer accepts (it was rotated away).</summary>
    public static void Require(NodeIdentity node, NodeLiveness pointer)
    {
        if (pointer.SecretVersion != node.SecretVersion)
            throw new AuthenticationFailedException("The node secret was replaced by a newer one (rotated).");
    }
}
