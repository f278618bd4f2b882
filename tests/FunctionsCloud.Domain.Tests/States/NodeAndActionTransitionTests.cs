using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.States;

namespace FunctionsCloud.Domain.Tests.States;

public class NodeAndActionTransitionTests
{
    [Theory]
    [InlineData(NodeState.Deploying, NodeState.Deployed, true)]
    [InlineData(NodeState.Deploying, NodeState.Terminated, true)]
    [InlineData(NodeState.Deployed, NodeState.Unreachable, true)]
    [InlineData(NodeState.Unreachable, NodeState.Deployed, true)]
    [InlineData(NodeState.Terminating, NodeState.Terminated, true)]
    [InlineData(NodeState.Deployed, NodeState.Deploying, false)]
    [InlineData(NodeState.Terminated, NodeState.Deployed, false)]
    [InlineData(NodeState.Terminating, NodeState.Deployed, false)]
    public void Node_transitions(NodeState from, NodeState to, bool legal)
    {
        var node = new Node { Uuid = Guid.NewGuid(), Namespace = "ns", Provider = "local", Region = "local", NodeType = "local" };
        node.Restore(from);

        if (legal)
        {
            node.MoveTo(to);
            Assert.Equal(to, node.State);
        }
        else
        {
            Assert.Throws<IllegalTransitionException>(() => node.MoveTo(to));
            Assert.Equal(from, node.State);
        }
    }

    [Fact]
    public void A_finished_action_cannot_be_reopened()
    {
        var action = NewAction();
        action.MoveTo(ActionState.InProgress);
        action.MoveTo(ActionState.Success);

        Assert.Throws<IllegalTransitionException>(() => action.MoveTo(ActionState.InProgress));
        Assert.Equal("In progress", ApiNames.Of(ActionState.InProgress));
    }

    [Fact]
    public void Action_logs_keep_the_newest_lines_within_the_limit()
    {
        var action = NewAction();
        var at = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 2000; i++)
            action.AppendLog(at, $"line {i} " + new string('x', 20));

        Assert.True(action.Logs.Length <= ActionRecord.MaxLogLength);
        Assert.EndsWith("line 1999 " + new string('x', 20) + "\n", action.Logs);
        Assert.StartsWith("2026-11-28T10:00:00Z line 0 ", NewActionWithOneLine(at).Logs);
    }

    private static ActionRecord NewActionWithOneLine(DateTimeOffset at)
    {
        var action = NewAction();
        action.AppendLog(at, "line 0 x");
        return action;
    }

    private static ActionRecord NewAction() => new()
    {
        Uuid = Guid.NewGuid(), Namespace = "ns", Object = "/api/infra/v1/nodecluster/x/", Action = "Cluster Deploy",
        Method = "POST", Path = "/", User = "u",
    };
}
