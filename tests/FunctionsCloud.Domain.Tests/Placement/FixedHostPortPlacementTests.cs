using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.Placement;
using static FunctionsCloud.Domain.Tests.Placement.TestNodes;

namespace FunctionsCloud.Domain.Tests.Placement;

public class FixedHostPortPlacementTests
{
    private static readonly HostPort Http = new("tcp", 80);

    private static PlacementNode Node(Guid uuid, int containers, params HostPort[] held) =>
        new(uuid, NodeState.Deployed, new HashSet<string>(), containers, 0) { HeldHostPorts = held.ToHashSet() };

    private static PlacementRequirements Web(DeploymentStrategy strategy = DeploymentStrategy.EmptiestNode) => new(strategy, [], [Http]);

    [Fact]
    public void Each_node_takes_one_container_that_fixes_a_host_port()
    {
        var placed = ContainerPlacement.Place(Web(), [Node(A, 0), Node(B, 5), Node(C, 1)], 3);

        Assert.Equal([A, C, B], placed);
    }

    [Fact]
    public void A_node_where_any_service_holds_the_port_is_passed_over()
    {
        var placed = ContainerPlacement.Place(Web(DeploymentStrategy.HighAvailability), [Node(A, 0, Http), Node(B, 5)], 1);

        Assert.Equal([B], placed);
    }

    [Fact]
    public void The_same_port_number_on_another_protocol_does_not_collide()
    {
        var placed = ContainerPlacement.Place(Web(), [Node(A, 0, new HostPort("udp", 80))], 1);

        Assert.Equal([A], placed);
    }

    [Fact]
    public void Running_out_of_nodes_with_the_port_free_names_the_port_rather_than_collide()
    {
        var error = Assert.Throws<NoFreeHostPortException>(() => ContainerPlacement.Place(Web(), [Node(A, 0), Node(B, 0, Http)], 2));

        Assert.Contains("80/tcp", error.Message);
        Assert.Equal((2, 1), (error.Requested, error.FreeNodes));
    }

    [Fact]
    public void Every_node_skips_the_nodes_where_another_service_holds_the_port() =>
        Assert.Equal([B], ContainerPlacement.Place(Web(DeploymentStrategy.EveryNode), [Node(A, 0, Http), Node(B, 0)], 0));

    [Fact]
    public void Without_eligible_nodes_the_tags_are_the_reason_not_the_port() =>
        Assert.Throws<NoEligibleNodeException>(() => ContainerPlacement.Place(new PlacementRequirements(DeploymentStrategy.EmptiestNode, ["gpu"], [Http]), [Node(A, 0)], 1));
}
