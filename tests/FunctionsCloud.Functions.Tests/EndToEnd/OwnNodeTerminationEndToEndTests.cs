using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Agent;
using FunctionsCloud.Functions.Tests.Support;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Docker;
using static FunctionsCloud.Functions.Tests.EndToEnd.ServiceEndToEnd;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.EndToEnd;

/// <summary>
/// A host of one's own (the real agent process, registered with a token) beside a local cluster's node, a service
/// spread over both; the host is terminated with DELETE: a Node Terminate action, its container moves to the other
/// node, its agent removes its copy and exits with the status the install script's unit does not restart.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OwnNodeTerminationEndToEndTests : IAsyncLifetime
{
    private readonly string _stateDir = Directory.CreateTempSubdirectory("fc-own-host-").FullName;
    private ServiceEndToEnd _e2e = null!;
    private IReadOnlyList<string> _nodes = [];
    private System.Diagnostics.Process? _agent;

    public async Task InitializeAsync()
    {
        await DockerEngine.EnsureReadyAsync();
        _e2e = new ServiceEndToEnd(await FunctionsCloudTestHost.StartAsync(Settings()));
    }

    public async Task DisposeAsync()
    {
        if (_agent is { HasExited: false })
            _agent.Kill();
        _agent?.Dispose();
        await _e2e.App.DisposeAsync();
        await RemoveContainersOfAsync(_nodes);
        Directory.Delete(_stateDir, recursive: true);
    }

    [Fact]
    public async Task A_terminated_own_host_hands_its_containers_over_and_its_agent_exits_with_the_no_restart_status()
    {
        var clusterNode = Assert.Single(await _e2e.DeployNodesAsync("apps", 1));
        var ownNode = await RegisterOwnHostAsync();
        _nodes = [clusterNode, ownNode];
        var web = await _e2e.CreateServiceAsync(Web("web", 2));
        await _e2e.PostAsync(web, "start");
        Assert.Equal(new[] { clusterNode, ownNode }.Order(), (await _e2e.LiveContainersAsync(web)).Select(c => (string)c["node"]!).Order());

        var delete = await _e2e.App.Client.DeleteAsync(ownNode);

        var terminate = await _e2e.SucceedsAsync(delete);
        Assert.Equal(("Node Terminate", ownNode), ((string?)terminate["action"], (string?)terminate["object"]));
        Assert.Equal("Terminated", (string?)(await _e2e.App.GetJsonAsync(ownNode))["state"]);
        using var exited = new CancellationTokenSource(Patience);
        await _agent!.WaitForExitAsync(exited.Token);
        Assert.Equal(AgentExitCodes.NodeTerminated, _agent.ExitCode);
        var unit = await _e2e.App.Client.GetStringAsync("/api/agent/v1/install.sh");
        Assert.Contains($"RestartPreventExitStatus={AgentExitCodes.NodeTerminated}\n", unit);

        await Eventually.HoldsAsync(async () =>
        {
            var live = await _e2e.LiveContainersAsync(web);
            return live.Count == 2 && live.All(c => (string?)c["state"] == "Running" && (string?)c["node"] == clusterNode);
        }, Patience, "both containers Running on the cluster's node");
        var ownId = ownNode.TrimEnd('/').Split('/')[^1];
        Assert.Equal("", (await DockerCli.OutputAsync("ps", "-aq", "--filter", $"label=io.functionscloud.node={ownId}")).Trim());
        var actions = await _e2e.App.GetJsonAsync("/api/audit/v1/action/?limit=100");
        Assert.Contains(actions["objects"]!.AsArray(), a => (string?)a!["action"] == "Service Reschedule" && (string?)a["user"] == "system");
    }

    /// <summary>Makes a one-time token and runs the agent with it, as the install script does; returns the node's uri once Deployed.</summary>
    private async Task<string> RegisterOwnHostAsync()
    {
        var created = await _e2e.App.Client.PostAsJsonAsync("/api/infra/v1/token/", new { });
        await ExpectAsync(created, HttpStatusCode.Created);
        var token = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
        _agent = LocalAgents.StartOwnHost(_e2e.App, token, _stateDir);
        string? node = null;
        await Eventually.HoldsAsync(async () =>
        {
            var deployed = await _e2e.App.GetJsonAsync("/api/infra/v1/node/?state=Deployed");
            node = (string?)deployed["objects"]!.AsArray().SingleOrDefault(n => (string?)n!["provider"] == "/api/infra/v1/provider/byon/")?["resource_uri"];
            return node is not null;
        }, Patience, "the host registered as a Deployed node");
        return node!;
    }
}
