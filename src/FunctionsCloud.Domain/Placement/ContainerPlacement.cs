namespace FunctionsCloud.Domain.Placement;

/// <summary>
/// Where a service's new containers go, as a pure function of the nodes. The least-loaded node is kept at the
/// top of a priority queue, so placing k containers on n nodes costs O(n + k log n).
/// </summary>
public static class ContainerPlacement
{
    /// <summary>Places the containers of a service that fixes no host port (see the overload with requirements).</summary>
    public static IReadOnlyList<Guid> Place(
        DeploymentStrategy strategy, IReadOnlyCollection<string> serviceTags, IEnumerable<PlacementNode> nodes, int count) =>
        Place(new PlacementRequirements(strategy, serviceTags, []), nodes, count);

    /// <summary>
    /// The node of each of <paramref name="count"/> new containers, in order (a node appears once per container).
    /// For <see cref="DeploymentStrategy.EveryNode"/> the count is ignored: every eligible node without the
    /// service's container gets one. Throws <see cref="NoEligibleNodeException"/> when no node is eligible.
    /// A service that fixes host ports goes only to nodes where they are free, one container per node (the next
    /// would collide): <see cref="NoFreeHostPortException"/> when there are fewer such nodes than containers.
    /// Under EVERY_NODE a node whose port another service holds is passed over.
    /// </summary>
    public static IReadOnlyList<Guid> Place(PlacementRequirements service, IEnumerable<PlacementNode> nodes, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var eligible = nodes.Where(n => n.IsEligibleFor(service.Tags)).ToList();
        if (eligible.Count == 0)
            throw new NoEligibleNodeException(service.Tags);

        var fixesPorts = service.FixedHostPorts.Count > 0;
        if (fixesPorts)
            eligible = eligible.Where(n => n.HasFree(service.FixedHostPorts)).ToList();
        if (fixesPorts && service.Strategy != DeploymentStrategy.EveryNode && eligible.Count < count)
            throw new NoFreeHostPortException(service.FixedHostPorts, count, eligible.Count);

        return service.Strategy switch
        {
            DeploymentStrategy.EveryNode => eligible.Where(n => n.ServiceContainers == 0).OrderBy(n => n.Uuid).Select(n => n.Uuid).ToList(),
            DeploymentStrategy.HighAvailability => Fill(eligible, count, (ofService, total) => (ofService, total), oncePerNode: fixesPorts),
            _ => Fill(eligible, count, (_, total) => (total, 0), oncePerNode: fixesPorts),
        };
    }

    /// <summary>
    /// Gives each container to the node that ranks lowest, then counts it there (ties: the lower uuid); a node
    /// placed on leaves the queue when it may take only one.
    /// </summary>
    private static List<Guid> Fill(List<PlacementNode> eligible, int count, Func<int, int, (int, int)> rank, bool oncePerNode)
    {
        var queue = new PriorityQueue<(Guid Uuid, int Service, int Total), ((int, int) Rank, Guid Uuid)>(eligible.Count);
        foreach (var node in eligible)
            queue.Enqueue((node.Uuid, node.ServiceContainers, node.Containers), (rank(node.ServiceContainers, node.Containers), node.Uuid));

        var placed = new List<Guid>(count);
        for (var i = 0; i < count; i++)
        {
            var (uuid, service, total) = queue.Dequeue();
            placed.Add(uuid);
            if (!oncePerNode)
                queue.Enqueue((uuid, service + 1, total + 1), (rank(service + 1, total + 1), uuid));
        }

        return placed;
    }
}
