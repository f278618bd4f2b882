using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Application.Tests.ServiceOperations.Support;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.Services;
using static FunctionsCloud.Application.ServiceOperations.ContainerGoal;

namespace FunctionsCloud.Application.Tests.ServiceOperations;

public class GoalCheckTests
{
    private static readonly GoalCheck.Verdict Reached = new(true, null);

    private readonly ServiceWorld _world = new();
    private readonly Service _web;
    private readonly Node _node;

    public GoalCheckTests()
    {
        _web = _world.AddService(1, ServiceState.Running);
        _node = _world.AddNode();
    }

    [Fact]
    public void A_container_reported_Running_at_the_awaited_revision_reached_its_goal()
    {
        var row = _world.AddContainer(_web, _node, 1, ContainerState.Running, revision: 2);

        Assert.Equal(Reached, GoalCheck.Judge(Awaited(row, Running, 2), row, _node));
        Assert.Equal(Reached, GoalCheck.Judge(Awaited(row, Running, 1), row, _node));
    }

    [Theory]
    [InlineData(ContainerState.Running)]
    [InlineData(ContainerState.Stopped)]
    [InlineData(ContainerState.Starting)]
    public void A_container_reported_at_an_older_revision_is_pending(ContainerState state)
    {
        var row = _world.AddContainer(_web, _node, 1, state, revision: 1);

        Assert.Null(GoalCheck.Judge(Awaited(row, Running, 2), row, _node));
    }

    [Theory]
    [InlineData("could not pull busybox:9", 1, "could not pull busybox:9")]
    [InlineData(null, 3, "it exited with code 3")]
    [InlineData(null, null, "it exited with code unknown")]
    public void A_container_that_stopped_at_the_awaited_revision_failed_with_its_exit(string? message, int? exitCode, string reason)
    {
        var row = _world.AddContainer(_web, _node, 1, ContainerState.Stopped, revision: 2);
        row.ExitCodeMsg = message;
        row.ExitCode = exitCode;

        Assert.Equal(new GoalCheck.Verdict(false, reason), GoalCheck.Judge(Awaited(row, Running, 2), row, _node));
    }

    [Theory]
    [InlineData(NodeState.Unreachable, Running, "its node is Unreachable (the container was Starting)")]
    [InlineData(NodeState.Terminated, Stopped, "its node is Terminated (the container was Starting)")]
    [InlineData(NodeState.Terminating, Gone, "its node is Terminating (the container was Starting)")]
    public void A_container_whose_node_cannot_report_failed(NodeState nodeState, ContainerGoal goal, string reason)
    {
        var row = _world.AddContainer(_web, _node, 1, ContainerState.Starting);
        var lost = _world.AddNode(nodeState);

        Assert.Equal(new GoalCheck.Verdict(false, reason), GoalCheck.Judge(Awaited(row, goal, 1), row, lost));
        Assert.Equal(new GoalCheck.Verdict(false, "its node is gone (the container was Starting)"), GoalCheck.Judge(Awaited(row, goal, 1), row, null));
    }

    [Fact]
    public void A_container_waited_on_to_run_that_was_terminated_failed()
    {
        var row = _world.AddContainer(_web, _node, 1, ContainerState.Terminated, ContainerDesire.Removed);

        Assert.Equal(new GoalCheck.Verdict(false, "it was terminated"), GoalCheck.Judge(Awaited(row, Running, 1), row, _node));
    }

    [Theory]
    [InlineData(Gone, ContainerState.Terminating, ContainerState.Terminated)]
    [InlineData(Stopped, ContainerState.Stopping, ContainerState.Stopped)]
    public void A_container_waited_on_to_go_or_stop_is_pending_on_its_way_and_done_once_there(ContainerGoal goal, ContainerState onTheWay, ContainerState there)
    {
        var row = _world.AddContainer(_web, _node, 1, onTheWay, goal == Gone ? ContainerDesire.Removed : ContainerDesire.Stopped);
        var awaited = Awaited(row, goal, 1);

        Assert.Null(GoalCheck.Judge(awaited, row, _node));
        row.MoveTo(there);
        Assert.Equal(Reached, GoalCheck.Judge(awaited, row, _node));
    }

    [Fact]
    public void A_container_waited_on_to_go_that_is_no_longer_stored_is_gone() =>
        Assert.Equal(Reached, GoalCheck.Judge(new AwaitedContainer(Guid.NewGuid(), Gone, 1), null, null));

    [Theory]
    [InlineData(Running)]
    [InlineData(Stopped)]
    public void A_container_that_is_no_longer_stored_failed_unless_it_was_to_go(ContainerGoal goal) =>
        Assert.Equal(new GoalCheck.Verdict(false, "the container no longer exists"), GoalCheck.Judge(new AwaitedContainer(Guid.NewGuid(), goal, 1), null, null));

    [Fact]
    public void A_failure_line_names_the_container_and_its_node_or_else_its_uuid()
    {
        var row = _world.AddContainer(_web, _node, 2);
        var awaited = Awaited(row, Running, 1);

        Assert.Equal($"web-2 on node {_node.Uuid}: it exited with code 1.", GoalCheck.Describe(row, awaited, "it exited with code 1"));
        Assert.Equal($"Container {row.Uuid}: the container no longer exists.", GoalCheck.Describe(null, awaited, "the container no longer exists"));
    }

    private static AwaitedContainer Awaited(Container row, ContainerGoal goal, int revision) => new(row.Uuid, goal, revision);
}
