using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Crashes;
using FunctionsCloud.Testing.Docker;
using Xunit.Abstractions;

namespace FunctionsCloud.Functions.Tests.Crashes;

/// <summary>
/// The control plane (the local run, a child process) killed with SIGKILL in the middle of an operation, then started
/// again on the same storage and task hub: the operation ends as if nothing had happened, and nothing was made twice.
/// Real backend (Azure Storage on Azurite), real agents, real Docker engine.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ControlPlaneCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);
    private LocalHostProcess _host = null!;

    public async Task InitializeAsync()
    {
        await DockerEngine.EnsureReadyAsync();
        _host = await LocalHostProcess.StartAsync(new Dictionary<string, string?>
        {
            ["FunctionsCloud:HeartbeatIntervalSeconds"] = "2",
            ["FunctionsCloud:ContainerTimeoutSeconds"] = "120",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        foreach (var (_, pids) in AgentProcesses.Under(_host.Settings.StateRoot))
        {
            foreach (var pid in pids)
                Providers.Local.LocalProcesses.KillTree(pid);
        }
    }

    [Fact]
    public async Task Killed_while_a_cluster_deploys_it_finishes_after_a_restart_with_exactly_one_agent_per_node()
    {
        var cluster = await CreateClusterAsync("crash", 5);
        var deploy = await AcceptedAsync(_host.Client.PostAsync($"{cluster}deploy/", null));
        await Eventually.HoldsAsync(() => Task.FromResult(AgentProcesses.Under(_host.Settings.StateRoot).Count > 0),
            Patience, "the provider to start the first agent");

        await RestartAfterKillAsync();

        await SucceedsAsync(deploy);
        var nodes = (await _host.GetJsonAsync(cluster))["nodes"]!.AsArray().Select(n => Uuid((string)n!)).ToList();
        Assert.Equal(5, nodes.Count);
        foreach (var node in nodes)
            Assert.Equal("Deployed", (string?)(await _host.GetJsonAsync($"/api/infra/v1/node/{node}/"))["state"]);
        var agents = AgentProcesses.Under(_host.Settings.StateRoot);
        Assert.Equal(nodes.Order(), agents.Keys.Order());
        Assert.All(agents.Values, pids => Assert.Single(pids));
    }

    [Fact]
    public async Task Killed_while_a_service_scales_it_ends_with_the_containers_asked_for_and_none_twice()
    {
        var cluster = await CreateClusterAsync("crash", 3);
        await SucceedsAsync(await AcceptedAsync(_host.Client.PostAsync($"{cluster}deploy/", null)));
        var service = await CreateServiceAsync("crashweb");
        await SucceedsAsync(await AcceptedAsync(_host.Client.PostAsync($"{service}start/", null)));
        var serviceUuid = Uuid(service);

        var scale = await AcceptedAsync(_host.Client.PatchAsJsonAsync(service, new { target_num_containers = 9 }));
        await Eventually.HoldsAsync(async () => (await EngineContainersAsync(serviceUuid)).Count > 0, Patience, "the agents to create the first container");
        await RestartAfterKillAsync();

        await SucceedsAsync(scale);
        var live = await LiveContainersAsync(service);
        Assert.Equal(9, live.Count);
        Assert.All(live, c => Assert.Equal("Running", (string?)c["state"]));
        Assert.Equal(9, live.Select(c => (string?)c["name"]).Distinct().Count());
        var engine = await EngineContainersAsync(serviceUuid);
        Assert.Equal(9, engine.Count);
        Assert.Equal(9, engine.Distinct().Count());
        var actions = await _host.GetJsonAsync($"/api/audit/v1/action/?object={Uri.EscapeDataString(service)}");
        var scales = actions["objects"]!.AsArray().Where(a => (string?)a!["action"] == "Service Scale").ToList();
        Assert.Single(scales);
        Assert.Equal("Success", (string?)scales[0]!["state"]);
    }

    [Fact]
    public async Task Killed_while_a_cluster_terminates_everything_ends_Terminated_and_nothing_is_left_in_the_engine()
    {
        var cluster = await CreateClusterAsync("crash", 3);
        await SucceedsAsync(await AcceptedAsync(_host.Client.PostAsync($"{cluster}deploy/", null)));
        var nodes = (await _host.GetJsonAsync(cluster))["nodes"]!.AsArray().Select(n => Uuid((string)n!)).ToList();
        var service = await CreateServiceAsync("crashdown", containers: 3);
        await SucceedsAsync(await AcceptedAsync(_host.Client.PostAsync($"{service}start/", null)));
        Assert.Equal(3, (await EngineContainersAsync(Uuid(service))).Count);

        var terminate = await AcceptedAsync(_host.Client.DeleteAsync(cluster));
        await Eventually.HoldsAsync(() => Task.FromResult(AgentProcesses.Under(_host.Settings.StateRoot).Count < nodes.Count),
            Patience, "the provider to stop the first agent");
        await RestartAfterKillAsync();

        await SucceedsAsync(terminate);
        Assert.Equal("Terminated", (string?)(await _host.GetJsonAsync(cluster))["state"]);
        foreach (var node in nodes)
            Assert.Equal("Terminated", (string?)(await _host.GetJsonAsync($"/api/infra/v1/node/{node}/"))["state"]);
        Assert.Empty(AgentProcesses.Under(_host.Settings.StateRoot));
        foreach (var node in nodes)
            Assert.Empty(await DockerCli.OutputAsync("ps", "-aq", "--filter", $"label=io.functionscloud.node={node}"));
    }

    /// <summary>SIGKILL, start again, and how long until the first orchestration took a step in the new process.</summary>
    private async Task RestartAfterKillAsync()
    {
        await _host.KillAsync();
        var restarted = await _host.StartAgainAsync();
        var answering = DateTimeOffset.UtcNow;
        var connection = AzuriteFixture.ConnectionString;
        DateTimeOffset resumed = default;
        await Eventually.HoldsAsync(async () =>
            (await TaskHubActivity.LastStepAsync(connection, _host.Settings.Prefix) is { } step && step > restarted) && (resumed = DateTimeOffset.UtcNow) != default,
            Patience, "an orchestration to resume after the restart");
        output.WriteLine($"restart: API answering after {(answering - restarted).TotalSeconds:0.0} s, first orchestration step after {(resumed - restarted).TotalSeconds:0.0} s (log: {_host.LogFile})");
    }

    private Task<string> CreateClusterAsync(string name, int nodes) => _host.CreateAsync("/api/infra/v1/nodecluster/", new
    {
        name,
        target_num_nodes = nodes,
        region = "/api/infra/v1/region/local/local/",
        node_type = "/api/infra/v1/nodetype/local/local/",
    });

    private Task<string> CreateServiceAsync(string name, int containers = 0) => _host.CreateAsync("/api/app/v1/service/", new
    {
        name,
        image_name = "functionscloud/busybox",
        target_num_containers = containers,
        deployment_strategy = "HIGH_AVAILABILITY",
    });

    private static Task<string> AcceptedAsync(Task<HttpResponseMessage> request) => LocalHostProcess.AcceptedAsync(request);

    private Task SucceedsAsync(string actionUri) => _host.SucceedsAsync(actionUri, Patience);

    private async Task<List<JsonObject>> LiveContainersAsync(string service)
    {
        var list = await _host.GetJsonAsync($"/api/app/v1/container/?service={Uri.EscapeDataString(service)}&limit=100");
        return list["objects"]!.AsArray().Select(c => (JsonObject)c!).Where(c => (string?)c["state"] != "Terminated").ToList();
    }

    /// <summary>The engine's containers of the service, by name (running or not).</summary>
    private static async Task<List<string>> EngineContainersAsync(Guid service) =>
        (await DockerCli.OutputAsync("ps", "-a", "--filter", $"label=io.functionscloud.service={service}", "--format", "{{.Names}}"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

    private static Guid Uuid(string resourceUri) => Guid.Parse(resourceUri.TrimEnd('/').Split('/')[^1]);
}
