using FunctionsCloud.Agent.Tests.Support;
using FunctionsCloud.Domain.Agents;

namespace FunctionsCloud.Agent.Tests.Containers;

/// <summary>Containers the engine cannot make are reported Failed with the reason; the others go on.</summary>
public sealed class ContainerFailureTests : IAsyncLifetime
{
    private DockerTestNode _node = null!;

    public async Task InitializeAsync() => _node = await DockerTestNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task An_image_that_cannot_be_pulled_fails_its_container_only()
    {
        // A registry on a closed loopback port: nothing to pull from, and no traffic leaves the machine.
        var image = $"127.0.0.1:1/functionscloud/absent-{Guid.NewGuid():N}:latest";
        var missing = Desired.Container("ghost-1", Desired.Spec() with { Image = image });
        var fine = Desired.Container("web-1");

        await _node.ReconcileAsync(missing, fine);

        var failed = await _node.ReportOfAsync(missing);
        Assert.Equal(ReportedStates.Failed, failed.State);
        Assert.Equal(1, failed.Revision);
        Assert.Null(failed.DockerId);
        Assert.Contains($"The image {image} could not be pulled", failed.Message, StringComparison.Ordinal);
        Assert.Equal(ReportedStates.Running, (await _node.ReportOfAsync(fine)).State);
    }

    [Fact]
    public async Task A_failed_redeploy_keeps_the_running_copy_and_reports_the_failure()
    {
        var web = Desired.Container("web-1");
        await _node.ReconcileAsync(web);
        var running = await _node.ReportOfAsync(web);

        await _node.ReconcileAsync(web with { Revision = 2, Spec = web.Spec with { Image = "127.0.0.1:1/functionscloud/absent:2" } });

        var failed = await _node.ReportOfAsync(web);
        Assert.Equal(ReportedStates.Failed, failed.State);
        Assert.Equal(2, failed.Revision);
        Assert.Contains("could not be pulled", failed.Message, StringComparison.Ordinal);
        Assert.True((await _node.InspectAsync(running.DockerId!)).State.Running);
    }

    [Fact]
    public async Task A_container_whose_host_port_is_taken_is_reported_failed_with_the_engines_reason()
    {
        var port = FreePort.Next();
        var first = Desired.Container("web-1", Desired.Spec(Desired.Published(80, port)));
        var second = Desired.Container("web-2", Desired.Spec(Desired.Published(80, port)));

        await _node.ReconcileAsync(first, second);

        var reports = await _node.ReportAsync();
        Assert.Single(reports, r => r.State == ReportedStates.Running);
        var failed = Assert.Single(reports, r => r.State == ReportedStates.Failed);
        Assert.StartsWith("Create failed: ", failed.Message, StringComparison.Ordinal);
        Assert.NotNull(failed.DockerId);
    }
}
