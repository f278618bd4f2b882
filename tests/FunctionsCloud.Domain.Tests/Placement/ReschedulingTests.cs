using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.Placement;
using static FunctionsCloud.Domain.Tests.Placement.TestContainers;
using static FunctionsCloud.Domain.Tests.Placement.TestNodes;

namespace FunctionsCloud.Domain.Tests.Placement;

public class ReschedulingTests
{
    private static readonly Guid Lost = A;

    private static PlacementNode Node(Guid uuid, int containers, int ofService, NodeState state = NodeState.Deployed) =>
        new(uuid, state, new HashSet<string>(), containers, ofService);

    private static PlacementRequirements Service(DeploymentStrategy strategy, params HostPort[] ports) => new(strategy, [], ports);

    [Fact]
    public void The_lost_containers_go_to_the_other_nodes_by_the_services_strategy()
    {
        var replacements = Rescheduling.Replace(
            Service(DeploymentStrategy.HighAvailability),
            [Numbered(4, Lost), Numbered(2, Lost)],
            [Node(Lost, 0, 0, NodeState.Deployed), Node(B, 9, 1), Node(C, 1, 2)]);

        // B has fewer of the service; then B and C tie on it, and C has fewer containers in all.
        Assert.Equal([(2, B), (4, C)], replacements.Select(r => (r.Lost.Number, r.NodeUuid)));
    }

    [Fact]
    public void Fixed_host_ports_still_take_one_node_each()
    {
        var error = Assert.Throws<NoFreeHostPortException>(() => Rescheduling.Replace(
            Service(DeploymentStrategy.EmptiestNode, new HostPort("tcp", 80)), [Numbered(1, Lost), Numbered(2, Lost)], [Node(B, 0, 0), Node(Lost, 0, 0)]));

        Assert.Equal(1, error.FreeNodes);
    }

    [Fact]
    public void Every_node_services_are_not_moved() =>
        Assert.Empty(Rescheduling.Replace(Service(DeploymentStrategy.EveryNode), [Numbered(1, Lost)], [Node(B, 0, 0)]));

    [Fact]
    public void Without_another_eligible_node_it_is_a_clear_error() =>
        Assert.Throws<NoEligibleNodeException>(() =>
            Rescheduling.Replace(Service(DeploymentStrategy.EmptiestNode), [Numbered(1, Lost)], [Node(Lost, 0, 0), Node(B, 0, 0, NodeState.Unreachable)]));
}
