using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Services;
using static FunctionsCloud.Domain.Containers.ContainerState;
using Desire = FunctionsCloud.Domain.Containers.ContainerDesire;

namespace FunctionsCloud.Domain.Tests.Containers;

public class ContainerIntentsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private static readonly ContainerSpec Old = new("busybox:1", null, null, null, [], [], [], null, null, Autorestart.Off, Autodestroy.Off);
    private static readonly ContainerSpec New = Old with { Image = "busybox:2" };

    [Theory]
    [InlineData(Stopped, Desire.Stopped)]
    [InlineData(Stopped, Desire.Running)]
    [InlineData(Stopping, Desire.Stopped)]
    [InlineData(Starting, Desire.Stopped)]
    [InlineData(Running, Desire.Stopped)]
    public void Start_wants_the_container_running_and_shows_it_Starting_unless_it_runs(ContainerState from, Desire desired)
    {
        var row = Row(from, desired);

        AssertChangesOnce(row, ContainerIntents.Start);

        var expected = from is Running or Starting ? from : Starting;
        Assert.Equal((expected, Desire.Running, (string?)null), (row.State, row.Desired, row.ExitCodeMsg));
    }

    [Theory]
    [InlineData(Starting)]
    [InlineData(Running)]
    [InlineData(Terminating)]
    [InlineData(Terminated)]
    public void Start_leaves_a_running_or_removed_container_as_it_is(ContainerState from) =>
        AssertNoChange(Row(from, from is Terminating or Terminated ? Desire.Removed : Desire.Running), ContainerIntents.Start);

    [Theory]
    [InlineData(Running, Desire.Running, Stopping)]
    [InlineData(Starting, Desire.Running, Stopping)]
    [InlineData(Stopped, Desire.Running, Stopped)]
    [InlineData(Stopping, Desire.Running, Stopping)]
    public void Stop_wants_the_container_stopped_and_shows_it_Stopping_while_it_runs(ContainerState from, Desire desired, ContainerState expected)
    {
        var row = Row(from, desired);

        AssertChangesOnce(row, ContainerIntents.Stop);

        Assert.Equal((expected, Desire.Stopped), (row.State, row.Desired));
    }

    [Theory]
    [InlineData(Stopped, Desire.Stopped)]
    [InlineData(Stopping, Desire.Stopped)]
    [InlineData(Terminating, Desire.Removed)]
    [InlineData(Terminated, Desire.Removed)]
    public void Stop_leaves_a_stopped_or_removed_container_as_it_is(ContainerState from, Desire desired) =>
        AssertNoChange(Row(from, desired), ContainerIntents.Stop);

    [Theory]
    [InlineData(Starting)]
    [InlineData(Running)]
    [InlineData(Stopping)]
    [InlineData(Stopped)]
    public void Remove_from_a_node_that_can_confirm_leaves_the_container_Terminating_for_the_agent(ContainerState from)
    {
        var row = Row(from, Desire.Running);

        AssertChangesOnce(row, c => ContainerIntents.Remove(c, nodeCanConfirm: true, Now));

        Assert.Equal((Terminating, Desire.Removed, (DateTimeOffset?)null), (row.State, row.Desired, row.DestroyedDatetime));
    }

    [Theory]
    [InlineData(Starting, Desire.Running)]
    [InlineData(Running, Desire.Running)]
    [InlineData(Stopped, Desire.Stopped)]
    [InlineData(Terminating, Desire.Removed)]
    public void Remove_from_a_node_that_cannot_confirm_ends_Terminated_at_once(ContainerState from, Desire desired)
    {
        var row = Row(from, desired);

        AssertChangesOnce(row, c => ContainerIntents.Remove(c, nodeCanConfirm: false, Now));

        Assert.Equal((Terminated, Desire.Removed, (DateTimeOffset?)Now), (row.State, row.Desired, row.DestroyedDatetime));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Remove_leaves_a_terminated_container_as_it_is(bool nodeCanConfirm) =>
        AssertNoChange(Row(Terminated, Desire.Removed), c => ContainerIntents.Remove(c, nodeCanConfirm, Now));

    [Theory]
    [InlineData(Starting, Desire.Running)]
    [InlineData(Running, Desire.Running)]
    [InlineData(Stopping, Desire.Stopped)]
    [InlineData(Stopped, Desire.Stopped)]
    public void Redeploy_gives_the_container_the_new_revision_and_spec_and_wants_it_running(ContainerState from, Desire desired)
    {
        var row = Row(from, desired);

        AssertChangesOnce(row, c => ContainerIntents.Redeploy(c, 2, New));

        Assert.Equal((Starting, Desire.Running, 2, New, (int?)null, (string?)null), (row.State, row.Desired, row.Revision, row.Spec, row.ExitCode, row.ExitCodeMsg));
    }

    [Theory]
    [InlineData(Running, 1)]
    [InlineData(Stopped, 1)]
    [InlineData(Terminating, 2)]
    [InlineData(Terminated, 2)]
    public void Redeploy_to_a_revision_the_container_has_or_of_a_removed_one_changes_nothing(ContainerState from, int revision) =>
        AssertNoChange(Row(from, from is Terminating or Terminated ? Desire.Removed : Desire.Running), c => ContainerIntents.Redeploy(c, revision, New));

    /// <summary>A container at revision 1 that ran before and exited with code 3.</summary>
    private static Container Row(ContainerState state, Desire desired)
    {
        var row = new Container
        {
            Uuid = Guid.NewGuid(),
            Namespace = "ns",
            ServiceUuid = Guid.NewGuid(),
            ServiceName = "web",
            Number = 2,
            NodeUuid = Guid.NewGuid(),
            Spec = Old,
            Desired = desired,
            ExitCode = 3,
            ExitCodeMsg = "exited",
        };
        row.Restore(state);
        return row;
    }

    /// <summary>The intent changes the row; asked again, it says it changed nothing and indeed changes nothing (a retried step).</summary>
    private static void AssertChangesOnce(Container row, Func<Container, bool> intent)
    {
        Assert.True(intent(row));
        AssertNoChange(row, intent);
    }

    /// <summary>The intent, asked, says it changed nothing and indeed changes nothing.</summary>
    private static void AssertNoChange(Container row, Func<Container, bool> intent)
    {
        var before = Snapshot(row);

        Assert.False(intent(row));

        Assert.Equal(before, Snapshot(row));
    }

    private static (ContainerState, Desire, int, ContainerSpec, int?, string?, DateTimeOffset?) Snapshot(Container row) =>
        (row.State, row.Desired, row.Revision, row.Spec, row.ExitCode, row.ExitCodeMsg, row.DestroyedDatetime);
}
