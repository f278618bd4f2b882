using System.Net;
using System.Net.Http.Json;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Docker;
using static FunctionsCloud.Functions.Tests.EndToEnd.ServiceEndToEnd;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.EndToEnd;

/// <summary>EVERY_NODE: one container per node, refused manual scaling, and a node that joins gets its container by itself.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServiceEveryNodeEndToEndTests : IAsyncLifetime
{
    private ServiceEndToEnd _e2e = null!;
    private List<string> _nodes = [];

    public async Task InitializeAsync()
    {
        await DockerEngine.EnsureReadyAsync();
        _e2e = new ServiceEndToEnd(await StartAsync(Settings()));
    }

    public async Task DisposeAsync()
    {
        await _e2e.App.DisposeAsync();
        await RemoveContainersOfAsync(_nodes);
    }

    [Fact]
    public async Task Every_node_runs_one_container_and_a_new_node_gets_its_own()
    {
        _nodes = [.. await _e2e.DeployNodesAsync("every", 2)];
        var agent = await _e2e.CreateServiceAsync(Web("monitor", 1, "EVERY_NODE"));
        await _e2e.PostAsync(agent, "start");
        var two = await _e2e.LiveContainersAsync(agent);
        Assert.Equal(_nodes.Order(), two.Select(c => (string)c["node"]!).Order());

        var manual = await _e2e.App.Client.PatchAsJsonAsync(agent, new { target_num_containers = 5 });
        await ExpectAsync(manual, HttpStatusCode.BadRequest);

        var cluster = (string)(await _e2e.App.GetJsonAsync(_nodes[0]))["node_cluster"]!;
        await _e2e.SucceedsAsync(await _e2e.App.Client.PatchAsJsonAsync(cluster, new { target_num_nodes = 3 }));
        _nodes = (await _e2e.App.GetJsonAsync(cluster))["nodes"]!.AsArray().Select(n => (string)n!).ToList();
        Assert.Equal(3, _nodes.Count);

        await Eventually.HoldsAsync(async () =>
        {
            var live = await _e2e.LiveContainersAsync(agent);
            return live.Count == 3 && live.All(c => (string?)c["state"] == "Running");
        }, Patience, "the new node's own container Running");
        Assert.Equal(_nodes.Order(), (await _e2e.LiveContainersAsync(agent)).Select(c => (string)c["node"]!).Order());
        Assert.Equal(3, (int?)(await _e2e.App.GetJsonAsync(agent))["target_num_containers"]);
    }
}
