using FunctionsCloud.Domain.Nodes;

namespace FunctionsCloud.Domain.Placement;

/// <summary>A node as placement sees it: its state, tags, and how many containers it runs in all and of this service.</summary>
public sealed record PlacementNode(Guid Uuid, NodeState State, IReadOnlySet<string> Tags, int Containers, int ServiceContainers)
{
    /// <summary>Docker Cloud's rule: Deployed, and carrying every tag of the service (a service without tags fits any node).</summary>
    public bool IsEligibleFor(IReadOnlyCollection<string> serviceTags) =>
        State == NodeState.Deployed && serviceTags.All(Tags.Contains);
}
