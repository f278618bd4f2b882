using System.Text.Json;
using FunctionsCloud.Cli.Runtime;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Docker;

namespace FunctionsCloud.Cli.Tests.EndToEnd;

/// <summary>
/// A person at a terminal without a UI: logs in, makes a local cluster of two nodes, runs busybox with a published
/// port, scales it, reads the containers and the audit log, removes the service, shrinks the cluster and removes it,
/// each step with --sync and each checked through the API. The real app, real agents, the real Docker engine.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FcWalkthroughEndToEndTests : IAsyncLifetime
{
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
        // What a failed run leaves on the shared engine (a passing one has removed it all).
        await Task.WhenAll(nodes.Select(n => DockerCli.RemoveLabelledAsync($"io.functionscloud.node={n}")));
    }

    [Fact]
    public async Task From_login_to_a_scaled_web_service_and_back_to_nothing()
    {
        var login = await session.LoginAsync();
        Assert.Equal(ExitCodes.Ok, login.ExitCode);
        Assert.DoesNotContain(session.App.AdminKey, login.ToString());

        var created = await session.RunAsync("nodecluster", "create", "apps", "local", "local", "local", "-t", "2", "--sync");
        var clusterId = created.Succeeded();
        Assert.Contains("Success", created.Error); // progress and the outcome go to stderr, in plain lines without a terminal
        var cluster = await session.ApiAsync($"/api/infra/v1/nodecluster/{clusterId}/");
        Assert.Equal("Deployed", (string?)cluster["state"]);
        Assert.Equal(2, (int?)cluster["current_num_nodes"]);
        nodes.AddRange((await session.RunAsync("node", "ls", "-q", "--cluster", "apps")).OutLines);
        Assert.Equal(2, nodes.Count);

        var serviceId = (await session.RunAsync("service", "run", "-n", "web", "-p", "80", "--sync", DockerEngine.TestImage)).Succeeded();
        Assert.Equal("Running", (string?)(await session.ApiAsync($"/api/app/v1/service/{serviceId}/"))["state"]);

        (await session.RunAsync("service", "scale", "web", "3", "--sync")).Succeeded();
        var containers = await ContainersAsync("service", "ps", "web");
        Assert.Equal(3, containers.Count(c => c.GetProperty("state").GetString() == "Running"));
        Assert.All(containers, c => Assert.True(c.GetProperty("container_ports")[0].GetProperty("outer_port").GetInt32() > 0));
        var running = await session.RunAsync("container", "ps", "--service", serviceId[..8], "--status", "Running", "-q");
        Assert.Equal(containers.Select(c => c.GetProperty("uuid").GetString()).Order(), running.OutLines.Order());
        var table = (await session.RunAsync("container", "ps")).OutLines;
        Assert.Equal(3, table.Count(l => l.StartsWith("web-", StringComparison.Ordinal) && l.Contains(" Running ", StringComparison.Ordinal)));

        await ReadTheAuditLogAsync();

        (await session.RunAsync("service", "rm", "web", "--sync")).Succeeded();
        Assert.Equal("Terminated", (string?)(await session.ApiAsync($"/api/app/v1/service/{serviceId}/"))["state"]);
        // The cluster's own scaling, down now that nothing runs on it: one node of the two is terminated.
        (await session.RunAsync("nodecluster", "scale", "apps", "1", "--sync")).Succeeded();
        Assert.Equal(1, (int?)(await session.ApiAsync($"/api/infra/v1/nodecluster/{clusterId}/"))["current_num_nodes"]);
        (await session.RunAsync("nodecluster", "rm", clusterId[..8], "--sync")).Succeeded();
        Assert.Equal("Terminated", (string?)(await session.ApiAsync($"/api/infra/v1/nodecluster/{clusterId}/"))["state"]);
        Assert.Empty((await session.RunAsync("nodecluster", "ls", "-q")).OutLines);
    }

    private async Task ReadTheAuditLogAsync()
    {
        var actions = (await session.RunAsync("action", "ls", "-o", "json")).Out;
        var list = JsonDocument.Parse(actions).RootElement.EnumerateArray().ToList();
        var scale = list.First(a => a.GetProperty("action").GetString() == "Service Scale");
        Assert.Equal("Success", scale.GetProperty("state").GetString());
        var shortId = scale.GetProperty("uuid").GetString()![..8];

        Assert.Contains(list, a => a.GetProperty("action").GetString() == "Cluster Deploy");
        Assert.Contains("Service Scale", (await session.RunAsync("action", "ls")).Out);

        var inspected = JsonDocument.Parse((await session.RunAsync("action", "inspect", shortId)).Out).RootElement;
        Assert.Equal(scale.GetProperty("uuid").GetString(), inspected.GetProperty("uuid").GetString());

        var logs = await session.RunAsync("action", "logs", shortId);
        Assert.Equal(ExitCodes.Ok, logs.ExitCode);
        Assert.NotEmpty(logs.OutLines);
        Assert.Contains(logs.OutLines, line => line.Contains("running", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<List<JsonElement>> ContainersAsync(params string[] args)
    {
        var result = await session.RunAsync([.. args, "-o", "json"]);
        result.Succeeded();
        return JsonDocument.Parse(result.Out).RootElement.EnumerateArray().ToList();
    }
}
