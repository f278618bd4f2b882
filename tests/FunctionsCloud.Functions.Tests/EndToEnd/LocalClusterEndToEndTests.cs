using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Storage.Nodes;
using FunctionsCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.EndToEnd;

/// <summary>
/// Everything real: the local host, Azurite, the local provider and agent processes that register and
/// send heartbeats over HTTP.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LocalClusterEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private FunctionsCloudTestHost _app = null!;

    public async Task InitializeAsync() => _app = await StartAsync(new Dictionary<string, string?>
    {
        ["FunctionsCloud:HeartbeatIntervalSeconds"] = "1",
        ["FunctionsCloud:RegistrationTimeoutSeconds"] = "60",
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_three_node_cluster_deploys_reports_heartbeats_scales_to_one_and_terminates()
    {
        var cluster = await _app.CreateClusterAsync("e2e", 3);
        var uri = (string)cluster["resource_uri"]!;

        var deploy = await _app.Client.PostAsync($"{uri}deploy/", null);
        await ExpectAsync(deploy, HttpStatusCode.Accepted);
        var deployed = await _app.WaitForActionAsync(ActionUri(deploy), Patience);
        Assert.True((string?)deployed["state"] == "Success", await _app.ActionLogAsync(deployed));

        var afterDeploy = await _app.GetJsonAsync(uri);
        Assert.Equal(("Deployed", 3), ((string?)afterDeploy["state"], (int)afterDeploy["current_num_nodes"]!));
        Assert.NotNull(afterDeploy["deployed_datetime"]);
        var nodes = await NodesAsync(afterDeploy);
        Assert.All(nodes, n =>
        {
            Assert.Equal("Deployed", (string?)n["state"]);
            Assert.NotNull(n["last_seen"]);
            Assert.True((int)n["cpu"]! >= 1);
            Assert.True((long)n["memory"]! > 0);
            Assert.Contains("e2e", n["tags"]!.AsArray().Select(t => (string?)t!["name"]));
        });
        var processes = await ProcessIdsAsync(nodes);
        Assert.All(processes.Values, pid => Assert.True(IsRunning(pid), $"agent process {pid} is not running"));

        var firstSeen = (string)nodes[0]["last_seen"]!;
        await Eventually.HoldsAsync(async () => (string?)(await _app.GetJsonAsync((string)nodes[0]["resource_uri"]!))["last_seen"] != firstSeen,
            Patience, "a heartbeat moves last_seen on");

        var scale = await _app.Client.PatchAsJsonAsync(uri, new { target_num_nodes = 1 });
        await ExpectAsync(scale, HttpStatusCode.Accepted);
        var scaled = await _app.WaitForActionAsync(ActionUri(scale), Patience);
        Assert.True((string?)scaled["state"] == "Success", await _app.ActionLogAsync(scaled));

        var afterScale = await _app.GetJsonAsync(uri);
        Assert.Equal(("Deployed", 1), ((string?)afterScale["state"], (int)afterScale["current_num_nodes"]!));
        var states = new List<string>();
        foreach (var node in nodes)
            states.Add((string)(await _app.GetJsonAsync((string)node["resource_uri"]!))["state"]!);
        Assert.Equal(2, states.Count(s => s == "Terminated"));
        var gone = nodes.Where((_, i) => states[i] == "Terminated").Select(n => processes[(string)n["uuid"]!]).ToList();
        Assert.All(gone, pid => Assert.False(IsRunning(pid), $"agent process {pid} of a terminated node still runs"));

        var terminate = await _app.Client.DeleteAsync(uri);
        await ExpectAsync(terminate, HttpStatusCode.Accepted);
        var terminated = await _app.WaitForActionAsync(ActionUri(terminate), Patience);
        Assert.Equal("Success", (string?)terminated["state"]);
        Assert.All(processes.Values, pid => Assert.False(IsRunning(pid)));
        Assert.Equal("Terminated", (string?)(await _app.GetJsonAsync(uri))["state"]);
    }

    private async Task<List<JsonObject>> NodesAsync(JsonObject cluster)
    {
        var nodes = new List<JsonObject>();
        foreach (var node in cluster["nodes"]!.AsArray())
            nodes.Add(await _app.GetJsonAsync(node!.ToString()));
        return nodes;
    }

    /// <summary>The local provider's machine id is the agent's process id.</summary>
    private async Task<Dictionary<string, int>> ProcessIdsAsync(IEnumerable<JsonObject> nodes)
    {
        var store = _app.Services.GetRequiredService<INodeStore>();
        var pids = new Dictionary<string, int>();
        foreach (var node in nodes)
        {
            var stored = await store.GetAsync(AdminNamespace, Guid.Parse((string)node["uuid"]!));
            pids[(string)node["uuid"]!] = int.Parse(stored!.ProviderId!);
        }

        return pids;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
