using System.Collections.Frozen;
using FunctionsCloud.Domain.Nodes;

namespace FunctionsCloud.Domain.Placement;

/// <summary>A node as placement sees it: its state, tags, and how many containers it runs in all and of this service.</summary>
public sealed record PlacementNode(Guid Uuid, NodeState State, IReadOnlySet<string> Tags, int Containers, int ServiceContainers)
{
    /// <summary>
    /// The host ports its live containers hold, of any service (see <see cref="HostPort.HeldBy"/>): a service that
    /// fixes one of them cannot run here.
    /// </summary>
    public IReadOnlySet<HostPort> HeldHostPorts { get; init; } = FrozenSet<HostPort>.Empty;

    /// <summary>Docker Cloud's rule: Deployed, and carrying every tag of the service (a service without tags fits any node).</summary>
    public bool IsEligibleFor(IReadOnlyCollection<string> serviceTags) =>
        State == NodeState.Deployed && serviceTags.All(Tags.Contains);

    /// <summary>Whether none of the host ports is held here already.</summary>
    public bool HasFree(IReadOnlyCollection<HostPort> hostPorts) => !hostPorts.Any(HeldHostPorts.Contains);
}
