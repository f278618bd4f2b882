using FunctionsCloud.Domain.Containers;

namespace FunctionsCloud.Domain.Placement;

/// <summary>Where the containers of a lost node go.</summary>
public static class Rescheduling
{
    /// <summary>
    /// A node for the replacement of each lost container of the service (lowest number first), chosen among the
    /// other nodes (never those the lost containers were on) by the service's strategy, as <see cref="ContainerPlacement"/>
    /// places new ones (and with its exceptions). EVERY_NODE services are not moved: every other eligible node has
    /// or gets its own container, so none is replaced.
    /// </summary>
    public static IReadOnlyList<Replacement> Replace(
        PlacementRequirements service, IReadOnlyCollection<Container> lost, IEnumerable<PlacementNode> nodes)
    {
        if (service.Strategy == DeploymentStrategy.EveryNode || lost.Count == 0)
            return [];

        var lostNodes = lost.Select(c => c.NodeUuid).ToHashSet();
        var targets = ContainerPlacement.Place(service, nodes.Where(n => !lostNodes.Contains(n.Uuid)), lost.Count);
        return lost.OrderBy(c => c.Number).Zip(targets, (container, node) => new Replacement(container, node)).ToList();
    }
}
