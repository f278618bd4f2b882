using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.Placement;
using FunctionsCloud.Domain.States;
using static FunctionsCloud.Domain.Tests.Placement.TestNodes;

namespace FunctionsCloud.Domain.Tests.Placement;

public class ContainerPlacementTests
{
    private static PlacementNode Node(Guid uuid, int containers, int ofService = 0, NodeState state = NodeState.Deployed, params string[] tags) =>
        new(uuid, state, tags.ToHashSet(), containers, ofService);

    [Fact]
    public void Emptiest_node_fills_the_least_loaded_nodes_first()
    {
        var placed = ContainerPlacement.Place(DeploymentStrategy.EmptiestNode, [], [Node(A, 3), Node(B, 0), Node(C, 1)], 4);

        Assert.Equal([B, B, C, B], placed); // B 0→1, B 1 ties C 1 (B lower uuid) → 2, C 1→2, B 2 ties C 2 → B
    }

    [Fact]
    public void High_availability_spreads_the_services_replicas_before_anything_else()
    {
        // A is busy with other containers but has none of this service; B and C already run one replica each.
        var placed = ContainerPlacement.Place(DeploymentStrategy.HighAvailability, [], [Node(A, 9, 0), Node(B, 1, 1), Node(C, 2, 1)], 3);

        Assert.Equal([A, B, C], placed);
    }

    [Fact]
    public void Every_node_gives_one_container_to_each_eligible_node_without_one()
    {
        var placed = ContainerPlacement.Place(DeploymentStrategy.EveryNode, [], [Node(A, 1, 1), Node(B, 0), Node(C, 5)], count: 99);

        Assert.Equal([B, C], placed);
    }

    [Fact]
    public void Only_deployed_nodes_with_every_tag_of_the_service_are_eligible()
    {
        var nodes = new[]
        {
            Node(A, 0, tags: ["web"]),
            Node(B, 5, tags: ["web", "eu"]),
            Node(C, 0, state: NodeState.Unreachable, tags: ["web", "eu"]),
        };

        Assert.Equal([B, B], ContainerPlacement.Place(DeploymentStrategy.EmptiestNode, ["web", "eu"], nodes, 2));
        Assert.Equal([A, A], ContainerPlacement.Place(DeploymentStrategy.EmptiestNode, ["web"], nodes, 2));
    }

    [Fact]
    public void No_eligible_node_is_a_clear_error()
    {
        var error = Assert.Throws<NoEligibleNodeException>(() =>
            ContainerPlacement.Place(DeploymentStrategy.EmptiestNode, ["gpu"], [Node(A, 0, tags: ["web"]), Node(B, 0, state: NodeState.Deploying, tags: ["gpu"])], 1));

        Assert.Contains("gpu", error.Message);
        Assert.Throws<NoEligibleNodeException>(() => ContainerPlacement.Place(DeploymentStrategy.EveryNode, [], [], 1));
    }

    [Fact]
    public void Strategies_have_Docker_Cloud_wire_names() =>
        Assert.Equal(["EMPTIEST_NODE", "HIGH_AVAILABILITY", "EVERY_NODE"], Enum.GetValues<DeploymentStrategy>().Select(ApiNames.Of));
}
