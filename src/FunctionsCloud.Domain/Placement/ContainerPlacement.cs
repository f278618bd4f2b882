namespace FunctionsCloud.Domain.Placement;

/// <summary>
/// Where a service's new containers go, as a pure function of the nodes. The least-loaded node is kept at the
/// top of a priority queue, so placing k containers on n nodes costs O(n + k log n).
/// </summary>
public static class ContainerPlacement
{
    /// <summary>
    /// The node of each of <paramref name="count"/> new containers, in order (a node appears once per container).
    /// For <see cref="DeploymentStrategy.EveryNode"/> the count is ignored: every eligible node without the
    /// service's container gets one. Throws <see cref="NoEligibleNodeException"/> when no node is eligible.
    /// </summary>
    public static IReadOnlyList<Guid> Place(
        DeploymentStrategy strategy, IReadOnlyCollection<string> serviceTags, IEnumerable<PlacementNode> nodes, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var eligible = nodes.Where(n => n.IsEligibleFor(serviceTags)).ToList();
        if (eligible.Count == 0)
            throw new NoEligibleNodeException(serviceTags);

        return strategy switch
        {
            DeploymentStrategy.EveryNode => eligible.Where(n => n.ServiceContainers == 0).OrderBy(n => n.Uuid).Select(n => n.Uuid).ToList(),
            DeploymentStrategy.HighAvailability => Fill(eligible, count, (service, total) => (service, total)),
            _ => Fill(eligible, count, (_, total) => (total, 0)),
        };
    }

    /// <summary>Gives each container to the node that ranks lowest, then counts it there (ties: the lower uuid).</summary>
    private static List<Guid> Fill(List<PlacementNode> eligible, int count, Func<int, int, (int, int)> rank)
    {
        var queue = new PriorityQueue<(Guid Uuid, int Service, int Total), ((int, int) Rank, Guid Uuid)>(eligible.Count);
        foreach (var node in eligible)
            queue.Enqueue((node.Uuid, node.ServiceContainers, node.Containers), (rank(node.ServiceContainers, node.Containers), node.Uuid));

        var placed = new List<Guid>(count);
        for (var i = 0; i < count; i++)
        {
            var (uuid, service, total) = queue.Dequeue();
            placed.Add(uuid);
            queue.Enqueue((uuid, service + 1, total + 1), (rank(service + 1, total + 1), uuid));
        }

        return placed;
    }
}
