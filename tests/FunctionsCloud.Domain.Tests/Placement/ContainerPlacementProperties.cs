using CsCheck;
using FunctionsCloud.Domain.Placement;
using static FunctionsCloud.Domain.Tests.Placement.PlacementGenerators;

namespace FunctionsCloud.Domain.Tests.Placement;

/// <summary>Placement's promises over random node sets, services and counts.</summary>
public class ContainerPlacementProperties
{
    private const int Iterations = 2_000;

    private static readonly Gen<DeploymentStrategy> CountedStrategy = Gen.OneOf(Gen.Const(DeploymentStrategy.EmptiestNode), Gen.Const(DeploymentStrategy.HighAvailability));

    [Fact]
    public void Places_exactly_the_count_on_eligible_nodes_or_says_why_not() =>
        Gen.Select(NodeSets, CountedStrategy.SelectMany(s => Gen.Bool.SelectMany(fixes => Service(s, fixes))), Count).Sample((nodes, service, count) =>
        {
            var free = ExpectedEligibility.WithFreePorts(nodes, service).Select(n => n.Uuid).ToHashSet();
            var outcome = Outcome(() => ContainerPlacement.Place(service, nodes, count));

            switch (outcome)
            {
                case NoEligibleNodeException:
                    Assert.Empty(ExpectedEligibility.ByTags(nodes, service));
                    break;
                case NoFreeHostPortException:
                    Assert.NotEmpty(service.FixedHostPorts);
                    Assert.NotEmpty(ExpectedEligibility.ByTags(nodes, service));
                    Assert.True(free.Count < count);
                    break;
                case IReadOnlyList<Guid> placed:
                    Assert.NotEmpty(ExpectedEligibility.ByTags(nodes, service));
                    Assert.Equal(count, placed.Count);
                    Assert.All(placed, uuid => Assert.Contains(uuid, free));
                    break;
            }
        }, iter: Iterations);

    [Fact]
    public void Fixed_host_ports_never_collide_on_a_node() =>
        Gen.Select(NodeSets, CountedStrategy.SelectMany(s => Service(s, fixesPorts: true)), Count).Sample((nodes, service, count) =>
        {
            if (Outcome(() => ContainerPlacement.Place(service, nodes, count)) is not IReadOnlyList<Guid> placed)
                return;

            Assert.Equal(placed.Count, placed.Distinct().Count());
            var held = nodes.ToDictionary(n => n.Uuid, n => n.HeldHostPorts);
            Assert.All(placed, uuid => Assert.False(held[uuid].Overlaps(service.FixedHostPorts)));
        }, iter: Iterations);

    [Fact]
    public void High_availability_gives_each_container_to_a_node_with_the_fewest_of_the_service() =>
        Gen.Select(NodeSets, Gen.Bool.SelectMany(fixes => Service(DeploymentStrategy.HighAvailability, fixes)), Count).Sample((nodes, service, count) =>
            EachGoesToALeastLoadedNode(nodes, service, count, n => n.ServiceContainers), iter: Iterations);

    [Fact]
    public void Emptiest_node_gives_each_container_to_a_node_with_the_fewest_containers() =>
        Gen.Select(NodeSets, Gen.Bool.SelectMany(fixes => Service(DeploymentStrategy.EmptiestNode, fixes)), Count).Sample((nodes, service, count) =>
            EachGoesToALeastLoadedNode(nodes, service, count, n => n.Containers), iter: Iterations);

    [Fact]
    public void High_availability_keeps_a_balanced_service_balanced() =>
        Gen.Select(BalancedNodeSets, Service(DeploymentStrategy.HighAvailability, fixesPorts: false), Count).Sample((nodes, service, count) =>
        {
            if (Outcome(() => ContainerPlacement.Place(service, nodes, count)) is not IReadOnlyList<Guid> placed)
                return;

            var spread = ExpectedEligibility.ByTags(nodes, service).Select(n => n.ServiceContainers + placed.Count(p => p == n.Uuid)).ToList();
            Assert.True(spread.Max() - spread.Min() <= 1, $"spread {string.Join(",", spread)}");
        }, iter: Iterations);

    [Fact]
    public void Every_node_gives_one_container_to_each_eligible_node_without_one() =>
        Gen.Select(NodeSets, Gen.Bool.SelectMany(fixes => Service(DeploymentStrategy.EveryNode, fixes)), Count).Sample((nodes, service, count) =>
        {
            if (Outcome(() => ContainerPlacement.Place(service, nodes, count)) is not IReadOnlyList<Guid> placed)
                return;

            var without = ExpectedEligibility.WithFreePorts(nodes, service).Where(n => n.ServiceContainers == 0).Select(n => n.Uuid);
            Assert.Equal(without.Order(), placed.Order());
        }, iter: Iterations);

    /// <summary>
    /// Replays the placements in order: each must go to a node whose load is the least among the nodes that could
    /// still take one (with fixed host ports, a node takes one at most).
    /// </summary>
    private static void EachGoesToALeastLoadedNode(PlacementNode[] nodes, PlacementRequirements service, int count, Func<PlacementNode, int> load)
    {
        if (Outcome(() => ContainerPlacement.Place(service, nodes, count)) is not IReadOnlyList<Guid> placed)
            return;

        var loads = ExpectedEligibility.WithFreePorts(nodes, service).ToDictionary(n => n.Uuid, load);
        foreach (var uuid in placed)
        {
            Assert.Equal(loads.Values.Min(), loads[uuid]);
            if (service.FixedHostPorts.Count > 0)
                loads.Remove(uuid);
            else
                loads[uuid]++;
        }
    }

    /// <summary>The placement, or the placement exception it threw (anything else fails the property).</summary>
    private static object Outcome(Func<IReadOnlyList<Guid>> place)
    {
        try
        {
            return place();
        }
        catch (Exception e) when (e is NoEligibleNodeException or NoFreeHostPortException)
        {
            return e;
        }
    }
}
