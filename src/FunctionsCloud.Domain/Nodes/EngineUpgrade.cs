using FunctionsCloud.Domain.Catalog;
using FunctionsCloud.Domain.States;

namespace FunctionsCloud.Domain.Nodes;

/// <summary>
/// Whose Docker engine a node runs, and so whether POST .../docker-upgrade/ upgrades it. FunctionsCloud upgrades the
/// engines it installed: those of the nodes it made on a cloud provider (their agent came with the machine). A host of
/// your own keeps its owner's engine (Docker Cloud's agent replaced it with a pinned build, which its users complained
/// of), and local nodes share the engine of the machine that runs the control plane.
/// </summary>
public static class EngineUpgrade
{
    public const string LocalProvider = "local";

    /// <summary>The action's name, after Docker Cloud's node "Upgrade Docker".</summary>
    public const string ActionName = "Node Upgrade Docker";

    /// <summary>Why the engine of this node is not upgraded here, or null when it is (state apart).</summary>
    public static string? OwnerRefusal(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Provider switch
        {
            ByonCatalog.Provider =>
                "this node is a host of your own, whose engine is its owner's: upgrade it on the host (e.g. with its package manager); the agent keeps working across the upgrade and the node reports the new docker_version in its next heartbeat.",
            LocalProvider =>
                "local nodes share the Docker engine of the machine that runs FunctionsCloud: upgrade it there (e.g. apt-get install --only-upgrade docker.io); every local node reports the new docker_version in its next heartbeat.",
            _ => null,
        };
    }

    /// <summary>Why the node cannot be upgraded in its present state, or null when it is Deployed.</summary>
    public static string? StateRefusal(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.State == NodeState.Deployed
            ? null
            : $"the node is {ApiNames.Of(node.State)}; only a Deployed node's Docker engine is upgraded.";
    }

    /// <summary>Why this node's engine is not upgraded now, or null when it may be.</summary>
    public static string? Refusal(Node node) => OwnerRefusal(node) ?? StateRefusal(node);
}
