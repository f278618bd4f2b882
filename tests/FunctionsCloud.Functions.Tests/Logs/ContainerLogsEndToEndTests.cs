using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using FunctionsCloud.Functions.Tests.ApiKeys;
using FunctionsCloud.Functions.Tests.EndToEnd;
using FunctionsCloud.Functions.Tests.Services;
using FunctionsCloud.Functions.Tests.Support;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Docker;
using static FunctionsCloud.Functions.Tests.EndToEnd.ServiceEndToEnd;

namespace FunctionsCloud.Functions.Tests.Logs;

/// <summary>
/// Container output end to end: a one-node local cluster, its real agent storing what containers on the real Docker
/// engine print in Azurite's blobs with the credential from its heartbeats, read back through the API.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ContainerLogsEndToEndTests : IAsyncLifetime
{
    private ServiceEndToEnd _e2e = null!;
    private IReadOnlyList<string> _nodes = [];

    public async Task InitializeAsync()
    {
        await DockerEngine.EnsureReadyAsync();
        var settings = Settings();
        settings["FunctionsCloud:Logs:FollowPollMilliseconds"] = "200";
        settings["FunctionsCloud:Logs:FollowMaxSeconds"] = "15";
        // Small segments, so that a few thousand lines roll over several of them (and none is dropped).
        settings["FunctionsCloud:Logs:SegmentBytes"] = "65536";
        settings["FunctionsCloud:Logs:SegmentsKept"] = "64";
        _e2e = new ServiceEndToEnd(await FunctionsCloudTestHost.StartAsync(settings));
        _nodes = await _e2e.DeployNodesAsync("logs", 1);
    }

    public async Task DisposeAsync()
    {
        await _e2e.App.DisposeAsync();
        await RemoveContainersOfAsync(_nodes);
    }

    [Fact]
    public async Task A_thousand_lines_on_each_stream_are_read_back_in_order_by_tail_and_as_text()
    {
        var service = await StartAsync("printer", "i=1; while [ $i -le 1000 ]; do echo \"out $i\"; echo \"err $i\" >&2; i=$((i+1)); done; sleep 600");
        var container = (string)(await _e2e.LiveContainersAsync(service)).Single()["resource_uri"]!;

        List<JsonObject> all = [];
        await Eventually.HoldsAsync(async () => (all = await LinesAsync($"{container}logs/?tail=10000")).Count == 2000, Patience, "2,000 lines stored");
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => $"out {i}"), all.Where(m => (string?)m["source"] == "stdout").Select(m => (string?)m["log"]));
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => $"err {i}"), all.Where(m => (string?)m["source"] == "stderr").Select(m => (string?)m["log"]));
        Assert.All(all, m => Assert.Equal("log", (string?)m["type"]));
        // The engine stamps each stream apart: each is in time order, the two interleave as they were written.
        foreach (var stream in all.GroupBy(m => (string?)m["source"]))
            Assert.Equal(stream.Select(m => (double)m["timestamp"]!).Order(), stream.Select(m => (double)m["timestamp"]!));

        var tail = await LinesAsync($"{container}logs/?tail=10");
        Assert.Equal(all.TakeLast(10).Select(m => (string?)m["log"]), tail.Select(m => (string?)m["log"]));
        // Without a tail, the default one: the newest 300 lines.
        Assert.Equal(all.TakeLast(300).Select(m => (string?)m["log"]), (await LinesAsync($"{container}logs/")).Select(m => (string?)m["log"]));
        var since = await LinesAsync($"{container}logs/?since={(double)all[1990]["timestamp"]!:0.0000000}");
        Assert.Contains(since, m => (string?)m["log"] == (string?)all[^1]["log"]);
        Assert.True(since.Count < 100, $"{since.Count} lines since the 1,991st");

        var fromService = await LinesAsync($"{service}logs/?tail=5");
        Assert.Equal(5, fromService.Count);
        Assert.All(fromService, m => Assert.Equal("printer-1", (string?)m["name"]));

        using var text = new HttpRequestMessage(HttpMethod.Get, $"{container}logs/?tail=2");
        text.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/plain"));
        var plain = await _e2e.App.Client.SendAsync(text);
        Assert.Equal("text/plain", plain.Content.Headers.ContentType?.MediaType);
        Assert.Equal(string.Concat(all.TakeLast(2).Select(m => (string?)m["log"] + "\n")), await plain.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_log_rolled_over_several_segments_downloads_whole_and_in_order_as_a_file_and_to_the_client()
    {
        const int Lines = 4000;
        var service = await StartAsync("chatty", $"i=1; while [ $i -le {Lines} ]; do echo \"line $i {new string('x', 60)}\"; i=$((i+1)); done; echo done >&2; sleep 600");
        var live = (await _e2e.LiveContainersAsync(service)).Single();
        var container = (string)live["resource_uri"]!;
        // The engine stamps stdout and stderr as it drains each pipe, so "done" may be stamped before the last stdout lines: count them.
        await Eventually.HoldsAsync(async () => (await LinesAsync($"{container}logs/?tail={Lines + 10}")).Count == Lines + 1, Patience, "every line stored");
        var node = Guid.Parse(((string)live["node"]!).TrimEnd('/').Split('/')[^1]);
        var segments = await new Azure.Storage.Blobs.BlobServiceClient(AzuriteFixture.ConnectionString).GetBlobContainerClient(Domain.Logs.LogBlobNames.ContainerOf(node))
            .GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, Domain.Logs.LogBlobNames.PrefixOf(Guid.Parse((string)live["uuid"]!)), CancellationToken.None).CountAsync();
        Assert.True(segments > 1, $"{segments} segment");

        var file = await _e2e.App.Client.GetAsync($"{container}logs/download/");
        await FunctionsCloudTestHost.ExpectAsync(file, HttpStatusCode.OK);
        Assert.Equal("text/plain", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^chatty-1-\d{8}-\d{6}\.log$", file.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = (await file.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Lines + 1, lines.Length);
        var stdout = lines.Where(l => l.Split(' ')[1] == "stdout").ToList();
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z stdout line 1 x+$", stdout[0]);
        Assert.EndsWith($" stdout line {Lines} {new string('x', 60)}", stdout[^1], StringComparison.Ordinal);
        Assert.Single(lines, l => l.EndsWith(" stderr done", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(1, Lines).Select(i => $"line {i}"), stdout.Select(l => string.Join(' ', l.Split(' ')[2..4])));

        // The shared client reads it as NDJSON of log messages; a service's names its container.
        var client = new Client.Operations.LogClient(_e2e.App.Client);
        var messages = await client.ReadAllAsync(service).ToListAsync();
        Assert.Equal(Lines + 1, messages.Count);
        Assert.All(messages, m => Assert.Equal("chatty-1", m.Name));
        Assert.Equal($"line 1 {new string('x', 60)}", messages.First(m => m.Source == "stdout").Log);
        Assert.Single(messages, m => (m.Source, m.Log) == ("stderr", "done"));

        using var bob = await new ServiceArrangements(_e2e.App).OtherNamespaceClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"{container}logs/download/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"{service}logs/download/")).StatusCode);
    }

    [Fact]
    public async Task Bad_queries_are_400s_and_another_namespace_gets_404s()
    {
        var service = await StartAsync("quiet", "sleep 600");
        var container = (string)(await _e2e.LiveContainersAsync(service)).Single()["resource_uri"]!;
        foreach (var query in (string[])["tail=-1", "tail=10001", "tail=x", "since=yesterday", "since=-5", "follow=maybe"])
            Assert.Equal(HttpStatusCode.BadRequest, (await _e2e.App.Client.GetAsync($"{container}logs/?{query}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _e2e.App.Client.GetAsync($"{container}logs/?follow=true")).StatusCode);

        using var bob = await new ServiceArrangements(_e2e.App).OtherNamespaceClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"{container}logs/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"{service}logs/")).StatusCode);
        var action = (string)(await _e2e.App.GetJsonAsync("/api/audit/v1/action/?limit=1"))["objects"]![0]!["resource_uri"]!;
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"{action}logs/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _e2e.App.Client.GetAsync($"{action}logs/")).StatusCode);
    }

    [Fact]
    public async Task A_follower_sees_new_lines_and_resumes_after_the_last_event_it_received()
    {
        var service = await StartAsync("ticker", "i=0; while true; do i=$((i+1)); echo \"tick $i\"; sleep 0.2; done");
        var container = (string)(await _e2e.LiveContainersAsync(service)).Single()["resource_uri"]!;

        var first = await FollowAsync($"{container}logs/?follow=true&tail=0", lastEventId: null, count: 5);
        var ticks = first.Select(e => Tick(e.Message)).ToList();
        Assert.Equal(Enumerable.Range(ticks[0], 5), ticks);

        var resumed = await FollowAsync($"{container}logs/?follow=true", first[^1].Id, count: 5);
        Assert.Equal(Enumerable.Range(ticks[^1] + 1, 5), resumed.Select(e => Tick(e.Message)));

        var merged = await FollowAsync($"{service}logs/?follow=true&tail=3", lastEventId: null, count: 4);
        Assert.All(merged, e => Assert.Equal("ticker-1", (string?)e.Message["name"]));
    }

    [Fact]
    public async Task The_client_follows_across_the_servers_stream_ends_without_gaps_or_repeats_and_an_actions_log_until_it_ends()
    {
        var service = await StartAsync("clock", "i=0; while true; do i=$((i+1)); echo \"tick $i\"; sleep 0.2; done");
        var container = (string)(await _e2e.LiveContainersAsync(service)).Single()["resource_uri"]!;
        var client = new Client.Operations.LogClient(_e2e.App.Client);

        // More than one stream's longest duration (15 s here): the client opens the stream again with Last-Event-ID.
        var ticks = new List<int>();
        var until = DateTimeOffset.UtcNow.AddSeconds(20);
        using (var timeout = new CancellationTokenSource(Patience))
        {
            await foreach (var message in client.FollowAsync(container, new Client.Operations.LogQuery(Tail: 0), timeout.Token))
            {
                ticks.Add(int.Parse(message.Log["tick ".Length..], System.Globalization.CultureInfo.InvariantCulture));
                if (DateTimeOffset.UtcNow > until)
                    break;
            }
        }

        Assert.True(ticks.Count > 40, $"{ticks.Count} ticks");
        Assert.Equal(Enumerable.Range(ticks[0], ticks.Count), ticks);

        // The action that started the service has ended: its stream says so, and the client stops there.
        var action = (string)(await _e2e.App.GetJsonAsync("/api/audit/v1/action/?limit=1"))["objects"]![0]!["resource_uri"]!;
        using var patience = new CancellationTokenSource(Patience);
        var lines = new List<string>();
        await foreach (var message in client.FollowAsync(action, new Client.Operations.LogQuery(), patience.Token))
            lines.Add(message.Log);
        Assert.NotEmpty(lines);
    }

    [Fact]
    public async Task A_follow_stream_ends_soon_after_its_key_is_revoked()
    {
        var service = await StartAsync("revoked", "i=0; while true; do i=$((i+1)); echo \"tick $i\"; sleep 0.2; done");
        var container = (string)(await _e2e.LiveContainersAsync(service)).Single()["resource_uri"]!;
        var created = await _e2e.App.Client.CreateKeyAsync(new { label = "follower", role = "read-only" });
        using var follower = _e2e.App.NewClient(FunctionsCloudTestHost.AdminUser, (string)created["key"]!);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{container}logs/?follow=true&tail=0");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var timeout = new CancellationTokenSource(Patience);
        using var response = await follower.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        while (await reader.ReadLineAsync(timeout.Token) is { } line && !line.StartsWith("data: ", StringComparison.Ordinal))
        {
        }

        await FunctionsCloudTestHost.ExpectAsync(await _e2e.App.Client.DeleteAsync((string)created["resource_uri"]!), HttpStatusCode.OK);
        var revoked = System.Diagnostics.Stopwatch.StartNew();
        while (await reader.ReadLineAsync(timeout.Token) is not null)
        {
        }

        // Revocation reaches an instance within 2 s and a stream checks its key every second; it would last 15 s otherwise.
        Assert.True(revoked.Elapsed < TimeSpan.FromSeconds(8), $"the stream ended {revoked.Elapsed.TotalSeconds:0.0} s after the revocation");
        Assert.Equal(HttpStatusCode.Unauthorized, (await follower.GetAsync($"{container}logs/")).StatusCode);
    }

    private async Task<string> StartAsync(string name, string script)
    {
        var service = await _e2e.CreateServiceAsync(new { name, image_name = DockerEngine.TestImage, run_command = $"sh -c '{script}'" });
        await _e2e.PostAsync(service, "start");
        return service;
    }

    private async Task<List<JsonObject>> LinesAsync(string uri)
    {
        var response = await _e2e.App.Client.GetAsync(uri);
        await FunctionsCloudTestHost.ExpectAsync(response, HttpStatusCode.OK);
        return [.. JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Select(m => (JsonObject)m!)];
    }

    /// <summary>Reads server-sent events until <paramref name="count"/> messages came, then hangs up.</summary>
    private Task<List<(string Id, JsonObject Message)>> FollowAsync(string uri, string? lastEventId, int count) =>
        ServerSentEventReader.TakeAsync(_e2e.App.Client, uri, lastEventId, count, Patience);

    private static int Tick(JsonObject message) => int.Parse(((string)message["log"]!)["tick ".Length..], System.Globalization.CultureInfo.InvariantCulture);
}
