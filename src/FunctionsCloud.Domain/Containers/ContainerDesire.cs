namespace FunctionsCloud.Domain.Containers;

/// <summary>What the node's agent is to make of a container. Set by operations, and by reports of exits that are not restarted.</summary>
public enum ContainerDesire
{
    Running,
    Stopped,

    /// <summary>The container is to be removed from its node; it is no longer among the node's desired containers.</summary>
    Removed,
}
