using System.Diagnostics;
using FunctionsCloud.Functions.Tests.Support;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Docker;
using static FunctionsCloud.Functions.Tests.EndToEnd.ServiceEndToEnd;

namespace FunctionsCloud.Functions.Tests.EndToEnd;

/// <summary>Healing: one node's agent is killed; once the node is lost, its containers run on the other nodes.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServiceHealingEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan LostAfter = TimeSpan.FromSeconds(6);
    private ServiceEndToEnd _e2e = null!;
    private Process? _restarted;
    private IReadOnlyList<string> _nodes = [];

    public async Task InitializeAsync()
    {
        await DockerEngine.EnsureReadyAsync();
        _e2e = new ServiceEndToEnd(await FunctionsCloudTestHost.StartAsync(Settings()));
    }

    public async Task DisposeAsync()
    {
        if (_restarted is { HasExited: false })
            _restarted.Kill();
        _restarted?.Dispose();
        await _e2e.App.DisposeAsync();
        await RemoveContainersOfAsync(_nodes);
    }

    [Fact]
    public async Task The_containers_of_a_lost_node_are_rescheduled_onto_the_other_nodes()
    {
        _nodes = await _e2e.DeployNodesAsync("heal", 3);
        var web = await _e2e.CreateServiceAsync(Web("web", 6));
        await _e2e.PostAsync(web, "start");
        var before = await _e2e.LiveContainersAsync(web);
        var victim = (string)before[0]["node"]!;
        var moving = before.Where(c => (string?)c["node"] == victim).Select(c => (string)c["name"]!).ToList();
        Assert.Equal(2, moving.Count);

        var victimUuid = Guid.Parse(victim.TrimEnd('/').Split('/')[^1]);
        await LocalAgents.KillAsync(_e2e.App, victimUuid);
        await Eventually.HoldsAsync(async () =>
        {
            var live = await _e2e.LiveContainersAsync(web);
            return live.Count == 6 && live.All(c => (string?)c["state"] == "Running" && (string?)c["node"] != victim);
        }, LostAfter + Patience, "the lost node's containers Running on the other nodes");

        var after = await _e2e.LiveContainersAsync(web);
        Assert.Equal(before.Select(c => (string)c["name"]!).Order(), after.Select(c => (string)c["name"]!).Order());
        Assert.All(after.CountBy(c => (string)c["node"]!), perNode => Assert.Equal(3, perNode.Value));
        foreach (var container in after)
            Assert.Equal("functionscloud", (await AnswerAsync(container)).Trim());
        var actions = await _e2e.App.GetJsonAsync($"/api/audit/v1/action/?object={Uri.EscapeDataString(web)}");
        var reschedule = actions["objects"]!.AsArray().Single(a => (string?)a!["action"] == "Service Reschedule")!;
        var done = await _e2e.App.WaitForActionAsync((string)reschedule["resource_uri"]!, Patience);
        Assert.True((string?)done["state"] == "Success", await _e2e.App.ActionLogAsync(done));
        Assert.Equal("system", (string?)reschedule["user"]);

        // The node comes back: its agent removes the stale copies, no longer among its desired containers.
        Assert.Equal(2, await EngineContainersAsync(victimUuid));
        _restarted = LocalAgents.Start(_e2e.App, victimUuid);
        await Eventually.HoldsAsync(async () => await EngineContainersAsync(victimUuid) == 0, Patience, "the returning node's stale containers removed");
        await Eventually.HoldsAsync(async () => (string?)(await _e2e.App.GetJsonAsync(victim))["state"] == "Deployed", Patience, "the node Deployed again");
        Assert.Equal(6, (await _e2e.LiveContainersAsync(web)).Count(c => (string?)c["state"] == "Running"));
    }

    private static async Task<int> EngineContainersAsync(Guid node) =>
        (await DockerCli.OutputAsync("ps", "-aq", "--filter", $"label=io.functionscloud.node={node}")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
}
