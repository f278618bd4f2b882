using FunctionsCloud.Agent.Containers;
using FunctionsCloud.Agent.Tests.Support;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Agent.Tests.Containers;

/// <summary>How the reconciler changes what the real engine runs when the desired list changes.</summary>
public sealed class ContainerReconcileTests : IAsyncLifetime
{
    private DockerTestNode _node = null!;

    public async Task InitializeAsync() => _node = await DockerTestNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task A_second_reconcile_of_the_same_list_changes_nothing()
    {
        var desired = new[] { Desired.Container("web-1"), Desired.Container("web-2", running: false) };
        await _node.ReconcileAsync(desired);
        var before = await _node.ReportAsync();

        await _node.ReconcileAsync(desired);

        var after = await _node.ReportAsync();
        Assert.Equal(before.Select(r => r.DockerId), after.Select(r => r.DockerId));
        Assert.True(ReportComparison.Same(before, after), "the report is unchanged");
        Assert.Equal([ReportedStates.Running, ReportedStates.Stopped], desired.Select(d => after.Single(r => r.Uuid == d.Uuid).State));
    }

    [Fact]
    public async Task A_newer_revision_replaces_the_container()
    {
        var first = Desired.Container("web-1");
        await _node.ReconcileAsync(first);
        var old = await _node.ReportOfAsync(first);

        await _node.ReconcileAsync(first with { Revision = 2 });

        var replaced = await _node.ReportOfAsync(first);
        Assert.NotEqual(old.DockerId, replaced.DockerId);
        Assert.Equal(2, replaced.Revision);
        Assert.Equal(ReportedStates.Running, replaced.State);
        Assert.False(await _node.ExistsAsync(old.DockerId!));
    }

    [Fact]
    public async Task Reports_carry_each_new_containers_image_variables_until_a_heartbeat_delivered_them()
    {
        var web = Desired.Container("web-1");
        await _node.ReconcileAsync(web);

        var report = await _node.ReportAsync();
        _node.Containers.Delivered(report);
        var delivered = await _node.ReportOfAsync(web);
        await _node.ReconcileAsync(web with { Revision = 2 });
        var redeployed = await _node.ReportOfAsync(web);

        Assert.Equal([new EnvironmentVariable("PATH", "/bin")], Assert.Single(report).ImageEnv); // the test image's ENV
        Assert.Null(delivered.ImageEnv);
        Assert.Equal([new EnvironmentVariable("PATH", "/bin")], redeployed.ImageEnv); // a new Docker id
    }

    [Fact]
    public async Task A_container_is_created_stopped_started_and_stopped_again_as_desired()
    {
        var stopped = Desired.Container("web-1", running: false);
        await _node.ReconcileAsync(stopped);
        var created = await _node.ReportOfAsync(stopped);
        Assert.Equal(ReportedStates.Stopped, created.State);
        Assert.Null(created.ExitCode);

        await _node.ReconcileAsync(stopped with { Running = true });
        var started = await _node.ReportOfAsync(stopped);
        Assert.Equal(ReportedStates.Running, started.State);
        Assert.Equal(created.DockerId, started.DockerId);

        await _node.ReconcileAsync(stopped);
        var stoppedAgain = await _node.ReportOfAsync(stopped);
        Assert.Equal(ReportedStates.Stopped, stoppedAgain.State);
        Assert.NotNull(stoppedAgain.ExitCode);
        Assert.Equal(created.DockerId, stoppedAgain.DockerId);
    }

    [Fact]
    public async Task Containers_no_longer_desired_are_removed()
    {
        var kept = Desired.Container("web-1");
        var dropped = Desired.Container("web-2");
        await _node.ReconcileAsync(kept, dropped);
        var droppedId = (await _node.ReportOfAsync(dropped)).DockerId!;
        var keptId = (await _node.ReportOfAsync(kept)).DockerId;

        await _node.ReconcileAsync(kept);

        Assert.False(await _node.ExistsAsync(droppedId));
        Assert.Equal(keptId, Assert.Single(await _node.ReportAsync()).DockerId);
    }

    [Fact]
    public async Task Another_nodes_containers_and_unlabelled_ones_are_left_alone()
    {
        var otherNodes = await _node.RunForeignAsync(new Dictionary<string, string>
        {
            [NodeContainerLabels.Node] = Guid.NewGuid().ToString(),
            [NodeContainerLabels.Container] = Guid.NewGuid().ToString(),
            [NodeContainerLabels.Revision] = "1",
        });
        var unlabelled = await _node.RunForeignAsync(labels: null);
        var mine = Desired.Container("web-1");

        await _node.ReconcileAsync(mine);
        await _node.ReconcileAsync();

        Assert.True((await _node.InspectAsync(otherNodes)).State.Running);
        Assert.True((await _node.InspectAsync(unlabelled)).State.Running);
        Assert.Empty(await _node.ReportAsync());
    }
}
