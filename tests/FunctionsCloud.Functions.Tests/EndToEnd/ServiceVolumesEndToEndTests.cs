using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Docker;
using static FunctionsCloud.Functions.Tests.EndToEnd.ServiceEndToEnd;

namespace FunctionsCloud.Functions.Tests.EndToEnd;

/// <summary>
/// Bindings through the API, on a local node and the real engine: a named volume outlives a redeploy, not one with
/// reuse_volumes=false, and goes with its terminated container; volumes_from mounts another service's volume; a host
/// path that is not rewritable is read-only.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServiceVolumesEndToEndTests : IAsyncLifetime
{
    private ServiceEndToEnd _e2e = null!;
    private IReadOnlyList<string> _nodes = [];
    private DirectoryInfo _hostDirectory = null!;

    public async Task InitializeAsync()
    {
        await DockerEngine.EnsureReadyAsync();
        _e2e = new ServiceEndToEnd(await FunctionsCloudTestHost.StartAsync(Settings()));
        _hostDirectory = Directory.CreateTempSubdirectory("fc-e2e-binding-");
    }

    public async Task DisposeAsync()
    {
        await _e2e.App.DisposeAsync();
        await RemoveContainersOfAsync(_nodes);
        _hostDirectory.Delete(recursive: true);
    }

    [Fact]
    public async Task Named_volumes_host_paths_and_volumes_from_behave_as_docker_cloud_had_them()
    {
        _nodes = await _e2e.DeployNodesAsync("vol", 1);
        var db = await _e2e.CreateServiceAsync(new { name = "db", image = DockerEngine.TestImage, bindings = new[] { new { container_path = "/data" } } });
        await _e2e.PostAsync(db, "start");
        await ExecAsync(db, "sh", "-c", "echo kept > /data/file");

        await _e2e.PostAsync(db, "redeploy");
        Assert.Equal("kept", (await ExecAsync(db, "cat", "/data/file")).Trim());

        var backup = await _e2e.CreateServiceAsync(new
        {
            name = "backup", image = DockerEngine.TestImage,
            bindings = new object[] { new { volumes_from = db }, new { host_path = _hostDirectory.FullName, container_path = "/host", rewritable = false } },
        });
        await _e2e.PostAsync(backup, "start");
        Assert.Equal("kept", (await ExecAsync(backup, "cat", "/data/file")).Trim());
        var (written, _) = await DockerCli.RunAsync("exec", await DockerIdAsync(backup), "sh", "-c", "echo x > /host/written");
        Assert.NotEqual(0, written);
        await _e2e.SucceedsAsync(await _e2e.App.Client.DeleteAsync(backup));

        await _e2e.SucceedsAsync(await _e2e.App.Client.PostAsync($"{db}redeploy/?reuse_volumes=false", null));
        var (read, _) = await DockerCli.RunAsync("exec", await DockerIdAsync(db), "cat", "/data/file");
        Assert.NotEqual(0, read);
        var container = (string)(await _e2e.LiveContainersAsync(db)).Single()["uuid"]!;
        Assert.Single(await DockerCli.VolumesAsync($"io.functionscloud.container={container}"));

        await _e2e.SucceedsAsync(await _e2e.App.Client.DeleteAsync(db));

        await Eventually.HoldsAsync(async () => (await DockerCli.VolumesAsync($"io.functionscloud.container={container}")).Count == 0,
            Patience, "the terminated container's named volume to be removed");
    }

    private async Task<string> DockerIdAsync(string service) => (string)(await _e2e.LiveContainersAsync(service)).Single()["docker_id"]!;

    private async Task<string> ExecAsync(string service, params string[] command) =>
        await DockerCli.OutputAsync(["exec", await DockerIdAsync(service), .. command]);
}
