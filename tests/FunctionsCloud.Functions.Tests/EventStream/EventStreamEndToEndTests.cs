using System.Globalization;
using System.Text.Json.Nodes;
using FunctionsCloud.Functions.Tests.EndToEnd;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Docker;
using static FunctionsCloud.Functions.Tests.EndToEnd.ServiceEndToEnd;

namespace FunctionsCloud.Functions.Tests.EventStream;

/// <summary>
/// The issue's test of the event stream: a service created, scaled and terminated on a real node and engine while a
/// client follows the stream, whose server ends each stream after 3 s (the client resumes with Last-Event-ID). Every
/// change arrives once, in order, and what each object last said is its state in the API.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EventStreamEndToEndTests : IAsyncLifetime
{
    private ServiceEndToEnd _e2e = null!;
    private IReadOnlyList<string> _nodes = [];

    public async Task InitializeAsync()
    {
        await DockerEngine.EnsureReadyAsync();
        var settings = Settings();
        settings["FunctionsCloud:Logs:FollowPollMilliseconds"] = "200";
        settings["FunctionsCloud:Logs:FollowMaxSeconds"] = "3";
        _e2e = new ServiceEndToEnd(await FunctionsCloudTestHost.StartAsync(settings));
    }

    public async Task DisposeAsync()
    {
        await _e2e.App.DisposeAsync();
        await RemoveContainersOfAsync(_nodes);
    }

    [Fact]
    public async Task A_service_created_scaled_and_terminated_while_followed_shows_every_change_once_in_order()
    {
        await using var follower = new EventFollower(_e2e.App.Client);
        await Eventually.HoldsAsync(() => Task.FromResult(follower.Start is not null), Patience, "the stream began");

        _nodes = await _e2e.DeployNodesAsync("events", 1);
        var web = await _e2e.CreateServiceAsync(Web("web", 1));
        await _e2e.PostAsync(web, "start");
        await _e2e.ScaleAsync(web, 3);
        var containers = (await _e2e.LiveContainersAsync(web)).Select(c => (string)c["resource_uri"]!).ToList();
        await _e2e.SucceedsAsync(await _e2e.App.Client.DeleteAsync(web));
        var logged = await LastIdAsync();
        await Eventually.HoldsAsync(() => Task.FromResult(follower.Received.Count > 0 && follower.Received[^1].Id >= logged), Patience, "every logged event followed");

        var received = follower.Received;
        // Once each, in the log's order, none skipped: across several streams the server ended.
        Assert.Equal(Enumerable.Range(0, received.Count).Select(i => follower.Start!.Value + 1 + i), received.Select(e => e.Id));
        Assert.True(follower.Connections > 1, $"{follower.Connections} connection(s): the server's 3 s streams should have ended");
        var listed = await ListAfterAsync(follower.Start!.Value);
        Assert.Equal(listed.Take(received.Count).Select(Summary), received.Select(e => Summary(e.Message)));

        var service = Of(received, web);
        Assert.Equal(("create", "Not running"), service[0]);
        Assert.Equal(("delete", "Terminated"), service[^1]);
        Assert.Contains(("update", "Running"), service);
        Assert.Equal(3, containers.Count);
        foreach (var container in containers)
        {
            var states = Of(received, container);
            Assert.Equal("create", states[0].Action);
            Assert.Equal((string?)(await _e2e.App.GetJsonAsync(container))["state"], states[^1].State);
        }

        Assert.All((await _e2e.App.GetJsonAsync($"/api/audit/v1/action/?limit=100"))["objects"]!.AsArray(),
            action => Assert.Equal((string?)action!["state"], Of(received, (string)action["resource_uri"]!)[^1].State));
        var node = (await _e2e.App.GetJsonAsync(_nodes[0]))["state"];
        Assert.Equal((string?)node, Of(received, _nodes[0])[^1].State);
    }

    private static List<(string Action, string State)> Of(IEnumerable<(long Id, JsonObject Message)> events, string resourceUri) =>
        [.. events.Where(e => (string?)e.Message["resource_uri"] == resourceUri).Select(e => ((string)e.Message["action"]!, (string)e.Message["state"]!))];

    private static string Summary(JsonObject e) => $"{e["id"]} {e["type"]} {e["action"]} {e["state"]} {e["resource_uri"]}";

    /// <summary>The id of the namespace's last event: ids run from 1 without gaps, so it is their count.</summary>
    private async Task<long> LastIdAsync()
    {
        var list = await _e2e.App.GetJsonAsync($"{EventFollower.Path}?limit=1");
        return (int)list["meta"]!["total_count"]!;
    }

    private async Task<List<JsonObject>> ListAfterAsync(long after)
    {
        var events = new List<JsonObject>();
        for (var offset = 0; ; offset += 1000)
        {
            var page = await _e2e.App.GetJsonAsync($"{EventFollower.Path}?after={after.ToString(CultureInfo.InvariantCulture)}&limit=1000&offset={offset}");
            events.AddRange(page["objects"]!.AsArray().Select(e => (JsonObject)e!));
            if (page["meta"]!["next"] is null)
                return events;
        }
    }
}
