using FunctionsCloud.Domain.NodeClusters;
using FunctionsCloud.Domain.States;
using static FunctionsCloud.Domain.NodeClusters.NodeClusterState;

namespace FunctionsCloud.Domain.Tests.States;

public class NodeClusterTransitionTests
{
    [Theory]
    [InlineData(Init, Deploying)]
    [InlineData(Deploying, Deployed)]
    [InlineData(Deploying, PartlyDeployed)]
    [InlineData(Deployed, Scaling)]
    [InlineData(Scaling, EmptyCluster)]
    [InlineData(PartlyDeployed, Terminating)]
    [InlineData(EmptyCluster, Scaling)]
    [InlineData(Terminating, Terminated)]
    public void Legal_transitions_move_the_cluster(NodeClusterState from, NodeClusterState to)
    {
        var cluster = NewCluster();
        cluster.Restore(from);

        cluster.MoveTo(to);

        Assert.Equal(to, cluster.State);
    }

    [Theory]
    [InlineData(Init, Deployed)]
    [InlineData(Init, Scaling)]
    [InlineData(Deployed, Deploying)]
    [InlineData(Terminated, Deploying)]
    [InlineData(Terminated, Scaling)]
    [InlineData(Terminating, Deployed)]
    [InlineData(EmptyCluster, Deployed)]
    public void Illegal_transitions_throw_and_leave_the_state_alone(NodeClusterState from, NodeClusterState to)
    {
        var cluster = NewCluster();
        cluster.Restore(from);

        var error = Assert.Throws<IllegalTransitionException>(() => cluster.MoveTo(to));

        Assert.Equal(from, cluster.State);
        Assert.Equal(ApiNames.Of(from), error.From);
        Assert.Contains(ApiNames.Of(to), error.Message);
    }

    [Fact]
    public void Terminated_is_final()
    {
        Assert.Empty(NodeClusterStates.Machine.NextStates(Terminated));
    }

    [Theory]
    [InlineData(3, 3, Deployed)]
    [InlineData(3, 2, PartlyDeployed)]
    [InlineData(3, 0, PartlyDeployed)]
    [InlineData(0, 0, EmptyCluster)]
    public void An_operation_settles_by_how_many_nodes_came_up(int target, int deployed, NodeClusterState expected)
    {
        Assert.Equal(expected, NodeClusterStates.Settled(target, deployed));
    }

    [Fact]
    public void States_have_Docker_Cloud_wire_names()
    {
        Assert.Equal("Partly deployed", ApiNames.Of(PartlyDeployed));
        Assert.Equal("Empty cluster", ApiNames.Of(EmptyCluster));
        Assert.Equal(PartlyDeployed, ApiNames.Parse<NodeClusterState>("Partly deployed"));
        Assert.False(ApiNames.TryParse<NodeClusterState>("PartlyDeployed ", out _));
    }

    private static NodeCluster NewCluster() => new()
    {
        Uuid = Guid.NewGuid(), Namespace = "ns", Name = "web", Provider = "local", Region = "local", NodeType = "local",
    };
}
