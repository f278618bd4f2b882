using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using FunctionsCloud.Functions.Tests.Support;
using FunctionsCloud.Testing;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.EndToEnd;

/// <summary>
/// A real agent process against the local host, with small settings: heartbeats every 1 s, Unreachable after 3 s,
/// lost after 6 s, the monitor every second. Killed with SIGKILL it stops mid-beat, as a crashed host would.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AgentLivenessEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan UnreachableAfter = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan LostAfter = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    /// <summary>For polling the API and the work of one tick: the bounds below are the issue's plus this.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private FunctionsCloudTestHost _app = null!;
    private Process? _restarted;

    public async Task InitializeAsync() => _app = await StartAsync(new Dictionary<string, string?>
    {
        ["FunctionsCloud:HeartbeatIntervalSeconds"] = "1",
        ["FunctionsCloud:UnreachableAfterSeconds"] = ((int)UnreachableAfter.TotalSeconds).ToString(),
        ["FunctionsCloud:LostAfterSeconds"] = ((int)LostAfter.TotalSeconds).ToString(),
        ["FunctionsCloud:MonitorSchedule"] = "* * * * * *",
        ["FunctionsCloud:MonitorPeriodSeconds"] = "1",
        ["FunctionsCloud:RegistrationTimeoutSeconds"] = "60",
    });

    public async Task DisposeAsync()
    {
        if (_restarted is { HasExited: false })
            _restarted.Kill();
        _restarted?.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_killed_agent_makes_its_node_Unreachable_and_the_same_agent_restarted_brings_the_same_node_back()
    {
        var node = await DeployOneNodeAsync();
        var uri = (string)node["resource_uri"]!;
        var uuid = Guid.Parse((string)node["uuid"]!);
        var firstSeen = (string?)node["last_seen"];
        await Eventually.HoldsAsync(async () => (string?)(await _app.GetJsonAsync(uri))["last_seen"] != firstSeen, Patience, "a heartbeat moves last_seen on");

        var killedAt = await LocalAgents.KillAsync(_app, uuid);
        await Eventually.HoldsAsync(async () => await StateAsync(uri) == "Unreachable", UnreachableAfter + Tick + Slack, "the node is Unreachable");
        Assert.True(DateTime.UtcNow - killedAt <= UnreachableAfter + Tick + Slack);

        _restarted = LocalAgents.Start(_app, uuid);
        await Eventually.HoldsAsync(async () => await StateAsync(uri) == "Deployed", Patience, "the restarted agent brings the node back");
        var cluster = await _app.GetJsonAsync((string)node["node_cluster"]!);
        Assert.Equal(uri, (string?)Assert.Single(cluster["nodes"]!.AsArray())); // the same node, no second registration
        Assert.Equal(["Deployed", "Unreachable"], (await EventsAsync(uri)).Select(e => (string)e["state"]!));

        _restarted.Kill();
        await _restarted.WaitForExitAsync();
        await Eventually.HoldsAsync(async () => (await EventsAsync(uri)).Any(e => (string?)e["state"] == "Lost"), LostAfter + Tick + Slack, "the node is handed over as lost");
        Assert.Equal(["Lost", "Unreachable", "Deployed", "Unreachable"], (await EventsAsync(uri)).Select(e => (string)e["state"]!));
        Assert.Equal("Unreachable", await StateAsync(uri));
    }

    private async Task<JsonObject> DeployOneNodeAsync()
    {
        var cluster = await _app.CreateClusterAsync("alive", 1);
        var deploy = await _app.Client.PostAsync($"{cluster["resource_uri"]}deploy/", null);
        await ExpectAsync(deploy, HttpStatusCode.Accepted);
        var action = await _app.WaitForActionAsync(ActionUri(deploy), Patience);
        Assert.True((string?)action["state"] == "Success", await _app.ActionLogAsync(action));
        var deployed = await _app.GetJsonAsync((string)cluster["resource_uri"]!);
        return await _app.GetJsonAsync((string)deployed["nodes"]!.AsArray().Single()!);
    }

    private async Task<string> StateAsync(string uri) => (string)(await _app.GetJsonAsync(uri))["state"]!;

    private async Task<List<JsonObject>> EventsAsync(string uri) =>
        ((JsonArray)(await _app.GetJsonAsync($"/api/audit/v1/event/?object={Uri.EscapeDataString(uri)}"))["objects"]!)
        .Select(e => (JsonObject)e!).ToList();
}
