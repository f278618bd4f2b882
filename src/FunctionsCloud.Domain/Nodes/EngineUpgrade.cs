using FunctionsCloud.Domain.Catalog;

namespace FunctionsCloud.Domain.Nodes;

/// <summary>
/// Who upgrades a node's Docker engine (POST .../docker-upgrade/). The agent never replaces a host's engine (Docker
/// Cloud's agent did, with a pinned build, which its users complained of): a host of your own is upgraded by its
/// owner, local nodes share the engine of the machine that runs the control plane, and cloud nodes get their
/// distribution's engine when they are created.
/// </summary>
public static class EngineUpgrade
{
    public const string LocalProvider = "local";

    /// <summary>Why the engine of this node is not upgraded here (every node has such a reason today).</summary>
    public static string Refusal(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Provider switch
        {
            ByonCatalog.Provider =>
                "this node is a host of your own: its owner upgrades its Docker engine (e.g. with the host's package manager); the agent keeps working across the upgrade and the node reports the new docker_version in its next heartbeat.",
            LocalProvider =>
                "local nodes share the Docker engine of the machine that runs FunctionsCloud: upgrade it there (e.g. apt-get install --only-upgrade docker.io); every local node reports the new docker_version in its next heartbeat.",
            _ =>
                "engine upgrades of cloud nodes are not offered: a node gets its distribution's current engine when it is created, so scale the cluster up and then remove the old node to move to a newer engine.",
        };
    }
}
