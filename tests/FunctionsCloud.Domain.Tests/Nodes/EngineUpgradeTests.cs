using FunctionsCloud.Domain.Nodes;

namespace FunctionsCloud.Domain.Tests.Nodes;

/// <summary>Whose engine a node runs, and when it may be upgraded.</summary>
public class EngineUpgradeTests
{
    [Theory]
    [InlineData("aws")]
    [InlineData("azure")]
    [InlineData("digitalocean")]
    [InlineData("softlayer")]
    public void A_deployed_node_made_on_a_cloud_provider_is_upgraded(string provider)
    {
        var node = Node(provider, NodeState.Deployed);

        Assert.Null(EngineUpgrade.OwnerRefusal(node));
        Assert.Null(EngineUpgrade.Refusal(node));
    }

    [Fact]
    public void A_host_of_ones_own_is_refused_whatever_its_state_because_its_owner_upgrades_its_engine()
    {
        foreach (var state in Enum.GetValues<NodeState>())
        {
            var refusal = EngineUpgrade.Refusal(Node("byon", state));

            Assert.Contains("host of your own", refusal);
            Assert.Contains("its owner's", refusal);
        }
    }

    [Fact]
    public void A_local_node_is_refused_because_it_shares_the_engine_of_the_machine_that_runs_the_control_plane()
    {
        var refusal = EngineUpgrade.Refusal(Node("local", NodeState.Deployed));

        Assert.Contains("share the Docker engine of the machine", refusal);
    }

    [Theory]
    [InlineData(NodeState.Deploying, "Deploying")]
    [InlineData(NodeState.Unreachable, "Unreachable")]
    [InlineData(NodeState.Upgrading, "Upgrading")]
    [InlineData(NodeState.Terminating, "Terminating")]
    [InlineData(NodeState.Terminated, "Terminated")]
    public void A_cloud_node_that_is_not_Deployed_is_refused_naming_its_state(NodeState state, string name)
    {
        var node = Node("aws", state);

        Assert.Null(EngineUpgrade.OwnerRefusal(node));
        Assert.Equal($"the node is {name}; only a Deployed node's Docker engine is upgraded.", EngineUpgrade.Refusal(node));
    }

    [Fact]
    public void An_upgrade_moves_a_Deployed_node_to_Upgrading_and_back()
    {
        var node = Node("aws", NodeState.Deployed);

        node.MoveTo(NodeState.Upgrading);
        node.MoveTo(NodeState.Deployed);

        Assert.Equal(NodeState.Deployed, node.State);
    }

    private static Node Node(string provider, NodeState state)
    {
        var node = new Node { Uuid = Guid.NewGuid(), Namespace = "ns", Provider = provider, Region = "r", NodeType = "t" };
        node.Restore(state);
        return node;
    }
}
