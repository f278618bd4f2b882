using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Cli.Runtime;
using FunctionsCloud.Testing;

namespace FunctionsCloud.Cli.Tests.EndToEnd;

/// <summary>
/// `fc event` against the real app: what happened after a point, and a follow that goes on across the server's ends
/// of its streams (1 s here) without a gap or a repeat, one line per event, checked through the API.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FcEventEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private FcSession _session = null!;

    public async Task InitializeAsync()
    {
        _session = await FcSession.StartAsync(new Dictionary<string, string?>
        {
            ["FunctionsCloud:Logs:FollowPollMilliseconds"] = "200",
            ["FunctionsCloud:Logs:FollowMaxSeconds"] = "1",
        });
        var login = await _session.LoginAsync();
        Assert.True(login.ExitCode == 0, login.ToString());
    }

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task Events_after_a_point_print_one_JSON_object_a_line_as_the_API_lists_them()
    {
        var web = await CreateServiceAsync("events-web");

        var printed = await _session.RunAsync("event", "--no-follow", "--after", "0", "-o", "json");

        Assert.True(printed.ExitCode == ExitCodes.Ok, printed.ToString());
        var events = printed.OutLines.Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var listed = (await _session.ApiAsync("/api/audit/v1/events/?limit=1000"))["objects"]!.AsArray();
        Assert.Equal(listed.Select(e => (string?)e!["id"]), events.Select(e => (string?)e["id"]));
        Assert.Contains(events, e => (string?)e["resource_uri"] == web && (string?)e["action"] == "create" && (string?)e["state"] == "Not running");

        var lastId = long.Parse((string)events[^1]["id"]!, System.Globalization.CultureInfo.InvariantCulture);
        var forPeople = await _session.RunAsync("event", "--no-follow", "--after", $"{lastId - 1}");
        var columns = Assert.Single(forPeople.OutLines).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([(string)events[^1]["type"]!, (string)events[^1]["action"]!, $"{lastId}"], [columns[1], columns[2], columns[^1]]);
    }

    [Fact]
    public async Task A_follow_goes_on_across_the_servers_ends_of_its_streams_and_prints_each_event_once()
    {
        var last = (await _session.RunAsync("event", "--no-follow", "-o", "json")).OutLines.LastOrDefault() is { } line
            ? (string)JsonNode.Parse(line)!["id"]! : "0";
        var created = new List<string>();

        var followed = await _session.Fc.RunUntilAsync(
            async output =>
            {
                // Each new service once the one before is printed, so that the follow spans several of the server's streams.
                if (created.Count < 3 && created.All(output.Contains))
                    created.Add(await CreateServiceAsync($"followed-{created.Count}"));
                return created.Count == 3 && created.All(output.Contains);
            },
            Patience, "event", "--after", last, "-o", "json");

        Assert.True(followed.ExitCode is ExitCodes.Ok or ExitCodes.Interrupted, followed.ToString());
        var ids = followed.OutLines.Select(l => long.Parse((string)JsonNode.Parse(l)!["id"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(0, ids.Count).Select(i => long.Parse(last, System.Globalization.CultureInfo.InvariantCulture) + 1 + i), ids);
        Assert.Equal(created, followed.OutLines.Select(l => JsonNode.Parse(l)!).Where(e => (string?)e!["type"] == "service").Select(e => (string)e!["resource_uri"]!));
    }

    private async Task<string> CreateServiceAsync(string name)
    {
        var response = await _session.App.Client.PostAsJsonAsync("/api/app/v1/service/", new { name, image_name = "functionscloud/busybox" });
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["resource_uri"]!;
    }
}
