using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Functions.Tests.Support;
using FunctionsCloud.Testing;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Orchestrations;

/// <summary>
/// The real orchestrator and activities, on the local host's durable backend, against Azurite, with a
/// provider whose machines fail or stay silent on purpose.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class NodeClusterOperationTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    // Node 1 is refused by the provider, node 2 boots but its agent never calls; the rest register.
    private readonly ScriptedNodeProvider _provider = new(n => n switch
    {
        1 => NodeScript.FailsCreation,
        2 => NodeScript.NeverRegisters,
        _ => NodeScript.Registers,
    });

    private FunctionsCloudTestHost _app = null!;

    public async Task InitializeAsync() => _app = await StartAsync(
        new Dictionary<string, string?> { ["FunctionsCloud:RegistrationTimeoutSeconds"] = "3", ["FunctionsCloud:ProviderBatchSize"] = "2" },
        services => services.UseOnlyProvider(_provider));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_deployment_with_a_failed_and_a_silent_node_ends_partly_deployed_and_says_why()
    {
        var cluster = await _app.CreateClusterAsync("partly", 4);

        var deploy = await _app.Client.PostAsync($"{cluster["resource_uri"]}deploy/", null);
        await ExpectAsync(deploy, HttpStatusCode.Accepted);
        Assert.Equal("Deploying", (string?)(await deploy.Content.ReadFromJsonAsync<JsonObject>())!["state"]);
        var action = await _app.WaitForActionAsync(ActionUri(deploy), Patience);

        Assert.Equal("Failed", (string?)action["state"]);
        var logs = await _app.ActionLogAsync(action);
        Assert.Contains("InsufficientCapacity", logs);
        Assert.Contains("did not register within 3 s", logs);
        Assert.Equal(2, logs.Split("its agent registered").Length - 1);
        Assert.Contains("2 of 4 nodes deployed", logs);
        Assert.Equal("Cluster Deploy", (string?)action["action"]);
        Assert.Equal(cluster["resource_uri"]!.ToString(), (string?)action["object"]);
        Assert.NotNull(action["end_date"]);

        var after = await _app.GetJsonAsync(cluster["resource_uri"]!.ToString());
        Assert.Equal("Partly deployed", (string?)after["state"]);
        Assert.Null(after["current_action"]);
        var nodes = await NodesAsync(after);
        Assert.Equal(2, nodes.Count(n => (string?)n["state"] == "Deployed" && n["last_seen"] is not null));
        Assert.Single(nodes, n => (string?)n["state"] == "Unreachable" && ((string)n["last_error"]!).Contains("did not register"));
        var failed = await FailedNodesAsync();
        Assert.Single(failed, n => ((string)n["last_error"]!).Contains("InsufficientCapacity"));
        Assert.Empty(_provider.Errors);
    }

    [Fact]
    public async Task Scaling_adds_the_difference_and_removes_the_unreachable_then_the_newest_nodes()
    {
        var cluster = await _app.CreateClusterAsync("scaled", 1);
        var uri = cluster["resource_uri"]!.ToString();
        var deployed = await _app.WaitForActionAsync(ActionUri(await _app.Client.PostAsync($"{uri}deploy/", null)), Patience);
        Assert.Equal("Success", (string?)deployed["state"]);

        // Nodes 1 (refused) and 2 (silent) come next; node 3 registers.
        var up = await _app.Client.PatchAsJsonAsync(uri, new { target_num_nodes = 4 });
        await ExpectAsync(up, HttpStatusCode.Accepted);
        Assert.Equal("Scaling", (string?)(await up.Content.ReadFromJsonAsync<JsonObject>())!["state"]);
        var scaledUp = await _app.WaitForActionAsync(ActionUri(up), Patience);
        Assert.Equal("Cluster Scale", (string?)scaledUp["action"]);
        Assert.Equal("Partly deployed", (string?)(await _app.GetJsonAsync(uri))["state"]);
        Assert.Equal(3, _provider.Created.Count(c => c.Value != NodeScript.FailsCreation));

        var down = await _app.Client.PatchAsJsonAsync(uri, new { target_num_nodes = 1 });
        await ExpectAsync(down, HttpStatusCode.Accepted);
        var scaledDown = await _app.WaitForActionAsync(ActionUri(down), Patience);

        Assert.Equal("Success", (string?)scaledDown["state"]);
        var after = await _app.GetJsonAsync(uri);
        Assert.Equal(("Deployed", 1), ((string?)after["state"], (int)after["current_num_nodes"]!));
        var silent = _provider.Created.Single(c => c.Value == NodeScript.NeverRegisters).Key;
        Assert.Contains(silent, _provider.Terminated);
        Assert.Equal(2, _provider.Terminated.Count);
        var kept = (await NodesAsync(after)).Single();
        var first = _provider.Created.Keys.First(k => _provider.Created[k] == NodeScript.Registers && !_provider.Terminated.Contains(k));
        Assert.Equal(first.ToString(), (string?)kept["uuid"]);
    }

    [Fact]
    public async Task Terminating_a_cluster_terminates_every_node()
    {
        var cluster = await _app.CreateClusterAsync("doomed", 1);
        var uri = cluster["resource_uri"]!.ToString();
        await _app.WaitForActionAsync(ActionUri(await _app.Client.PostAsync($"{uri}deploy/", null)), Patience);

        var delete = await _app.Client.DeleteAsync(uri);
        await ExpectAsync(delete, HttpStatusCode.Accepted);
        Assert.Equal("Terminating", (string?)(await delete.Content.ReadFromJsonAsync<JsonObject>())!["state"]);
        var action = await _app.WaitForActionAsync(ActionUri(delete), Patience);

        Assert.Equal("Success", (string?)action["state"]);
        var after = await _app.GetJsonAsync(uri);
        Assert.Equal("Terminated", (string?)after["state"]);
        Assert.NotNull(after["destroyed_datetime"]);
        Assert.Equal(0, (int)after["current_num_nodes"]!);
        var again = await _app.Client.PostAsync($"{uri}deploy/", null);
        await ExpectAsync(again, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Deleting_a_node_terminates_it_and_lowers_the_cluster_target()
    {
        var cluster = await _app.CreateClusterAsync("pruned", 1);
        var uri = cluster["resource_uri"]!.ToString();
        await _app.WaitForActionAsync(ActionUri(await _app.Client.PostAsync($"{uri}deploy/", null)), Patience);
        var node = (await NodesAsync(await _app.GetJsonAsync(uri))).Single();
        var nodeUri = (string)node["resource_uri"]!;

        var patch = await _app.Client.PatchAsJsonAsync(nodeUri, new { nickname = "first", tags = new[] { new { name = "gpu" } } });
        await ExpectAsync(patch, HttpStatusCode.OK);
        Assert.Equal("gpu", (string?)(await patch.Content.ReadFromJsonAsync<JsonObject>())!["tags"]![0]!["name"]);

        var delete = await _app.Client.DeleteAsync(nodeUri);
        await ExpectAsync(delete, HttpStatusCode.Accepted);
        var action = await _app.WaitForActionAsync(ActionUri(delete), Patience);

        Assert.Equal(("Success", "Node Terminate", nodeUri), ((string?)action["state"], (string?)action["action"], (string?)action["object"]));
        Assert.Equal("Terminated", (string?)(await _app.GetJsonAsync(nodeUri))["state"]);
        Assert.Contains(Guid.Parse((string)node["uuid"]!), _provider.Terminated);
        var after = await _app.GetJsonAsync(uri);
        Assert.Equal(("Empty cluster", 0, 0), ((string?)after["state"], (int)after["target_num_nodes"]!, (int)after["current_num_nodes"]!));
        await ExpectAsync(await _app.Client.DeleteAsync(nodeUri), HttpStatusCode.Conflict);
        await ExpectAsync(await _app.Client.PatchAsJsonAsync(nodeUri, new { nickname = "late" }), HttpStatusCode.Conflict);
    }

    private async Task<List<JsonObject>> NodesAsync(JsonObject cluster)
    {
        var nodes = new List<JsonObject>();
        foreach (var uri in cluster["nodes"]!.AsArray())
            nodes.Add(await _app.GetJsonAsync(uri!.ToString()));
        return nodes;
    }

    private async Task<List<JsonObject>> FailedNodesAsync()
    {
        var list = await _app.GetJsonAsync("/api/infra/v1/node/?state=Terminated");
        return list["objects"]!.AsArray().Select(n => n!.AsObject()).ToList();
    }
}
