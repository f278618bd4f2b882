using FunctionsCloud.Agent.Containers;
using FunctionsCloud.Agent.Tests.Support;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Agent.Tests.Containers;

/// <summary>What the real engine makes of a spec's privileged, net, pid and bindings.</summary>
public sealed class ContainerBindingTests : IAsyncLifetime
{
    private DockerTestNode _node = null!;

    public async Task InitializeAsync() => _node = await DockerTestNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Privileged_host_network_and_host_pid_reach_the_engine()
    {
        var desired = Desired.Container("web-1", Desired.Spec() with { Privileged = true, Net = NetworkMode.Host, Pid = PidMode.Host });

        await _node.ReconcileAsync(desired);

        var host = (await _node.InspectAsync((await _node.ReportOfAsync(desired)).DockerId!)).HostConfig;
        Assert.True(host.Privileged);
        Assert.Equal("host", host.NetworkMode);
        Assert.Equal("host", host.PidMode);
    }

    [Fact]
    public async Task The_defaults_are_an_unprivileged_container_on_the_bridge_with_its_own_processes()
    {
        var desired = Desired.Container("web-1");

        await _node.ReconcileAsync(desired);

        var host = (await _node.InspectAsync((await _node.ReportOfAsync(desired)).DockerId!)).HostConfig;
        Assert.False(host.Privileged);
        Assert.Equal("bridge", host.NetworkMode);
        Assert.True(string.IsNullOrEmpty(host.PidMode), $"pid mode '{host.PidMode}'");
    }

    [Fact]
    public async Task A_named_volume_outlives_a_redeploy_unless_new_volumes_are_asked_for_and_leaves_with_its_container()
    {
        var first = Desired.Container("db-1", Desired.Spec() with { Bindings = [ServiceBinding.Volume("/data")] });
        await _node.ReconcileAsync(first);
        var created = await _node.ReportOfAsync(first);
        Assert.Equal(0, (await _node.ExecAsync(created.DockerId!, "sh", "-c", "echo kept > /data/file")).ExitCode);
        var mount = Assert.Single((await _node.InspectAsync(created.DockerId!)).Mounts);
        Assert.Equal(("volume", ContainerVolumes.NameOf(first.Uuid, 0, "/data"), "/data", true), (mount.Type, mount.Name, mount.Destination, mount.RW));

        await _node.ReconcileAsync(first with { Revision = 2 });
        var redeployed = await _node.ReportOfAsync(first);
        Assert.NotEqual(created.DockerId, redeployed.DockerId);
        Assert.Equal((0, "kept\n"), await _node.ExecAsync(redeployed.DockerId!, "cat", "/data/file"));

        await _node.ReconcileAsync(first with { Revision = 3, VolumeSet = 1 });
        var fresh = await _node.ReportOfAsync(first);
        Assert.NotEqual(0, (await _node.ExecAsync(fresh.DockerId!, "cat", "/data/file")).ExitCode);
        Assert.Equal([ContainerVolumes.NameOf(first.Uuid, 1, "/data")], (await _node.VolumesAsync()).Select(v => v.Name));

        await _node.ReconcileAsync();

        Assert.Empty(await _node.VolumesAsync());
    }

    [Fact]
    public async Task A_host_path_that_is_not_rewritable_is_mounted_read_only()
    {
        var directory = Directory.CreateTempSubdirectory("fc-binding-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "seen"), "from the host");
            var desired = Desired.Container("web-1", Desired.Spec() with { Bindings = [ServiceBinding.Host(directory.FullName, "/host", rewritable: false)] });

            await _node.ReconcileAsync(desired);

            var id = (await _node.ReportOfAsync(desired)).DockerId!;
            var mount = Assert.Single((await _node.InspectAsync(id)).Mounts);
            Assert.Equal(("bind", directory.FullName, "/host", false), (mount.Type, mount.Source, mount.Destination, mount.RW));
            Assert.Equal((0, "from the host"), await _node.ExecAsync(id, "cat", "/host/seen"));
            Assert.NotEqual(0, (await _node.ExecAsync(id, "sh", "-c", "echo x > /host/written")).ExitCode);
            Assert.False(File.Exists(Path.Combine(directory.FullName, "written")));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Volumes_from_mounts_the_other_services_volumes_and_waits_for_its_containers()
    {
        var source = new DesiredContainer(Guid.NewGuid(), "db-1", Guid.NewGuid(), true, 1, Desired.Spec() with { Bindings = [ServiceBinding.Volume("/data")] });
        var user = Desired.Container("backup-1", Desired.Spec() with { Bindings = [ServiceBinding.From(source.ServiceUuid)] });

        await _node.ReconcileAsync(user);
        Assert.Contains("has no container", (await _node.ReportOfAsync(user)).Message, StringComparison.Ordinal);

        await _node.ReconcileAsync(source, user);
        var sourceId = (await _node.ReportOfAsync(source)).DockerId!;
        Assert.Equal(0, (await _node.ExecAsync(sourceId, "sh", "-c", "echo shared > /data/file")).ExitCode);
        var userId = (await _node.ReportOfAsync(user)).DockerId!;
        var mount = Assert.Single((await _node.InspectAsync(userId)).Mounts);
        Assert.Equal(ContainerVolumes.NameOf(source.Uuid, 0, "/data"), mount.Name);
        Assert.Equal((0, "shared\n"), await _node.ExecAsync(userId, "cat", "/data/file"));
    }
}
