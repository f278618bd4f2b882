using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Docker;

namespace FunctionsCloud.Cli.Tests.EndToEnd;

/// <summary>
/// Stacks from a terminal: a stackfile brought up with --sync on a one-node local cluster, listed, exported (the API's
/// stackfile), updated and removed with its services, each step checked through the API. Real app, agents and engine.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FcStackEndToEndTests : IAsyncLifetime
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("fc-stack-").CreateSubdirectory("shop");
    private FcSession session = null!;
    private readonly List<string> nodes = [];

    public async Task InitializeAsync()
    {
        await DockerEngine.EnsureReadyAsync();
        session = await FcSession.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await session.DisposeAsync();
        await Task.WhenAll(nodes.Select(n => DockerCli.RemoveLabelledAsync($"io.functionscloud.node={n}")));
        folder.Parent!.Delete(recursive: true);
    }

    [Fact]
    public async Task A_stackfile_comes_up_exports_updates_and_goes()
    {
        (await session.LoginAsync()).Succeeded();
        var clusterId = (await session.RunAsync("nodecluster", "create", "apps", "local", "local", "local", "--sync")).Succeeded();
        nodes.AddRange((await session.RunAsync("node", "ls", "-q", "--cluster", "apps")).OutLines);
        var stackfile = Path.Combine(folder.FullName, "docker-cloud.yml");
        await File.WriteAllTextAsync(stackfile, $"web:\n  image: {DockerEngine.TestImage}\n  ports: [\"80\"]\n  links: [db]\ndb:\n  image: {DockerEngine.TestImage}\n");

        var stackId = (await session.RunAsync("stack", "up", "-f", stackfile, "--sync")).Succeeded();
        var stack = await session.ApiAsync($"/api/app/v1/stack/{stackId}/");
        Assert.Equal(("shop", "Running"), ((string?)stack["name"], (string?)stack["state"])); // named after its folder
        Assert.Equal([stackId], (await session.RunAsync("stack", "ls", "-q")).OutLines);

        var exported = await session.RunAsync("stack", "export", "shop");
        Assert.Equal((await session.App.Client.GetStringAsync($"/api/app/v1/stack/{stackId}/export/")).TrimEnd('\n'), exported.Out.TrimEnd('\n'));

        await File.WriteAllTextAsync(stackfile, $"web:\n  image: {DockerEngine.TestImage}\n  ports: [\"80\"]\n");
        (await session.RunAsync("stack", "update", "shop", "-f", stackfile)).Succeeded();
        Assert.False((bool?)(await session.ApiAsync($"/api/app/v1/stack/{stackId}/"))["synchronized"]);
        (await session.RunAsync("stack", "redeploy", "shop", "--sync")).Succeeded();
        Assert.Equal(["web"], (await session.ApiAsync("/api/app/v1/service/?stack__name=shop&state=Running"))["objects"]!.AsArray().Select(s => (string?)s!["name"]));

        (await session.RunAsync("stack", "rm", "shop", "--sync")).Succeeded();
        Assert.Equal("Terminated", (string?)(await session.ApiAsync($"/api/app/v1/stack/{stackId}/"))["state"]);
        (await session.RunAsync("nodecluster", "rm", clusterId[..8], "--sync")).Succeeded();
    }
}
