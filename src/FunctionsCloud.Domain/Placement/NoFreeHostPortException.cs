namespace FunctionsCloud.Domain.Placement;

/// <summary>
/// Too few eligible nodes have the service's fixed host ports free: each node runs at most one container that binds
/// a given host port, and placing another there would collide.
/// </summary>
public sealed class NoFreeHostPortException(IReadOnlyCollection<HostPort> hostPorts, int requested, int freeNodes) : InvalidOperationException(
    $"{requested} container(s) publish host port {string.Join(", ", hostPorts)}, but only {freeNodes} eligible node(s) have it free: " +
    "a node runs one container per fixed host port. Add nodes, or publish the port without a fixed outer port.")
{
    public IReadOnlyCollection<HostPort> HostPorts { get; } = hostPorts;
    public int Requested { get; } = requested;
    public int FreeNodes { get; } = freeNodes;
}
