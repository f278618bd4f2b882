using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Functions.Tests.ApiKeys;
using FunctionsCloud.Functions.Tests.Services;
using FunctionsCloud.Functions.Tests.Support;
using FunctionsCloud.Storage.Changes;
using FunctionsCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.EventStream;

/// <summary>The event stream on the real app: reads after a point, resuming, bad input, namespaces and keys.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EventStreamApiTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private FunctionsCloudTestHost _app = null!;
    private ServiceArrangements _services = null!;

    public async Task InitializeAsync()
    {
        _app = await StartAsync(new Dictionary<string, string?>
        {
            ["FunctionsCloud:Logs:FollowPollMilliseconds"] = "200",
            ["FunctionsCloud:Logs:FollowMaxSeconds"] = "60",
        });
        _services = new ServiceArrangements(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Malformed_ids_times_and_paging_are_400s_with_or_without_following()
    {
        string[] queries = ["after=x", "after=-1", "after=1.5", "since=yesterday", "since=-5", "limit=0", "offset=-1", "state=Running"];
        foreach (var query in queries)
        {
            await ExpectAsync(await _app.Client.GetAsync($"{EventFollower.Path}?{query}"), HttpStatusCode.BadRequest);
            await ExpectAsync(await SendAsync(_app.Client, $"{EventFollower.Path}?{query}", lastEventId: null), HttpStatusCode.BadRequest);
        }

        foreach (var id in (string[])["abc", "-1", "1e3", "99999999999999999999"])
            await ExpectAsync(await SendAsync(_app.Client, EventFollower.Path, id), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_plain_get_answers_what_happened_after_a_point_oldest_first_in_pages()
    {
        var before = await LastIdAsync(_app.Client);
        var (a, b, c) = (await _services.CreateAsync("get-a"), await _services.CreateAsync("get-b"), await _services.CreateAsync("get-c"));

        var after = await _app.GetJsonAsync($"{EventFollower.Path}?after={before}&limit=1000");
        var creates = Objects(after).Where(e => (string?)e["type"] == "service").ToList();
        Assert.Equal([ServiceArrangements.Uri(a), ServiceArrangements.Uri(b), ServiceArrangements.Uri(c)], creates.Select(e => (string?)e["resource_uri"]));
        Assert.All(creates, e => Assert.Equal(("create", "Not running"), ((string?)e["action"], (string?)e["state"])));
        Assert.All(creates, e => Assert.EndsWith(" +0000", (string)e["datetime"]!, StringComparison.Ordinal));
        var ids = Objects(after).Select(e => long.Parse((string)e["id"]!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(0, ids.Count).Select(i => before + 1 + i), ids);

        var fromSecond = await _app.GetJsonAsync($"{EventFollower.Path}?after={(string)creates[0]["id"]!}&limit=1");
        Assert.Equal(ServiceArrangements.Uri(b), (string?)Objects(fromSecond).Single()["resource_uri"]);
        Assert.NotNull((string?)fromSecond["meta"]!["next"]);
        var future = await _app.GetJsonAsync($"{EventFollower.Path}?since={DateTimeOffset.UtcNow.AddHours(1):yyyy-MM-ddTHH:mm:ssZ}");
        Assert.Equal(0, (int)future["meta"]!["total_count"]!);
    }

    [Fact]
    public async Task A_stack_is_told_created_updated_and_deleted_and_its_services_name_it_as_their_parent()
    {
        var before = await LastIdAsync(_app.Client);
        var created = await _app.Client.PostAsJsonAsync("/api/app/v1/stack/", new
        {
            name = "evented",
            services = new object[] { new { name = "web", image_name = ServiceArrangements.Image } },
        });
        await ExpectAsync(created, HttpStatusCode.Created);
        var stack = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["resource_uri"]!;
        var service = (string)(await _app.GetJsonAsync(stack))["services"]!.AsArray().Single()!;
        await ExpectAsync(await _app.Client.PatchAsJsonAsync(stack, new { nickname = "renamed" }), HttpStatusCode.OK);
        var terminate = await _app.Client.DeleteAsync(stack);
        await ExpectAsync(terminate, HttpStatusCode.Accepted);
        Assert.Equal("Success", (string?)(await _app.WaitForActionAsync(ActionUri(terminate), Patience))["state"]);

        var events = Objects(await _app.GetJsonAsync($"{EventFollower.Path}?after={before}&limit=1000")).ToList();
        var stacks = events.Where(e => (string?)e["type"] == "stack").ToList();
        Assert.All(stacks, e => Assert.Equal(stack, (string?)e["resource_uri"]));
        Assert.Equal(("create", "Not running"), ((string?)stacks[0]["action"], (string?)stacks[0]["state"]));
        Assert.Equal(("update", "Not running"), ((string?)stacks[1]["action"], (string?)stacks[1]["state"]));
        Assert.Contains(stacks, e => (string?)e["action"] == "update" && (string?)e["state"] == "Terminating");
        Assert.Equal(("delete", "Terminated"), ((string?)stacks[^1]["action"], (string?)stacks[^1]["state"]));
        Assert.Single(stacks, e => (string?)e["action"] == "create");
        var serviceCreate = events.Single(e => (string?)e["type"] == "service" && (string?)e["action"] == "create");
        Assert.Equal((service, stack), ((string?)serviceCreate["resource_uri"], (string?)serviceCreate["parents"]!.AsArray().Single()));
        Assert.True(events.IndexOf(serviceCreate) < events.IndexOf(stacks[0]), "the stack is shown once its services are written");
    }

    [Fact]
    public async Task A_reconnect_with_Last_Event_ID_resumes_right_after_the_last_event_received()
    {
        var start = await LastIdAsync(_app.Client);
        var first = await _services.CreateAsync("resume-a");
        await _services.CreateAsync("resume-b");

        var read = await ServerSentEventReader.TakeAsync(_app.Client, $"{EventFollower.Path}?after={start}", null, 2, Patience);
        Assert.Equal(ServiceArrangements.Uri(first), (string?)read[0].Message["resource_uri"]);
        // Gone: meanwhile more changes happen.
        var c = await _services.CreateAsync("resume-c");
        await _app.Client.PatchAsJsonAsync(ServiceArrangements.Uri(c), new { nickname = "renamed" });

        var resumed = await ServerSentEventReader.TakeAsync(_app.Client, EventFollower.Path, read[^1].Id, 2, Patience);
        Assert.Equal(long.Parse(read[^1].Id, CultureInfo.InvariantCulture) + 1, long.Parse(resumed[0].Id, CultureInfo.InvariantCulture));
        Assert.Equal([("create", ServiceArrangements.Uri(c)), ("update", ServiceArrangements.Uri(c))],
            resumed.Select(e => ((string)e.Message["action"]!, (string)e.Message["resource_uri"]!)));
    }

    [Fact]
    public async Task Another_namespace_never_sees_these_events()
    {
        using var bob = await _services.OtherNamespaceClientAsync();
        await using var bobFollows = new EventFollower(bob);
        await Eventually.HoldsAsync(() => Task.FromResult(bobFollows.Start is not null), Patience, "bob's stream began");

        await _services.CreateAsync("alices");
        var bobs = await _services.CreateAsync(new { image_name = ServiceArrangements.Image, name = "bobs" }, bob);

        await Eventually.HoldsAsync(() => Task.FromResult(bobFollows.Received.Count > 0), Patience, "bob's own service's event");
        Assert.Equal(ServiceArrangements.Uri(bobs), (string?)bobFollows.Received[0].Message["resource_uri"]);
        var listed = await bob.GetFromJsonAsync<JsonObject>($"{EventFollower.Path}?limit=1000");
        Assert.Equal([ServiceArrangements.Uri(bobs)], Objects(listed!).Select(e => (string?)e["resource_uri"]));
    }

    [Fact]
    public async Task A_read_only_key_follows_and_its_revocation_ends_its_stream()
    {
        var created = await _app.Client.CreateKeyAsync(new { label = "watcher", role = "read-only" });
        using var reader = _app.NewClient(AdminUser, (string)created["key"]!);
        using var timeout = new CancellationTokenSource(Patience);
        var stream = ServerSentEventReader.ReadAsync(reader, EventFollower.Path, null, timeout.Token).GetAsyncEnumerator(timeout.Token);
        Assert.True(await stream.MoveNextAsync()); // where it stands
        var service = await _services.CreateAsync("watched");
        Assert.True(await stream.MoveNextAsync());
        Assert.Equal(ServiceArrangements.Uri(service), (string?)stream.Current.Message!["resource_uri"]);

        await ExpectAsync(await _app.Client.DeleteAsync((string)created["resource_uri"]!), HttpStatusCode.OK);

        while (await stream.MoveNextAsync())
            Assert.Null(stream.Current.Message); // nothing more; the server ends the stream
        await stream.DisposeAsync();
        await ExpectAsync(await SendAsync(reader, EventFollower.Path, null), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_point_older_than_what_the_log_keeps_is_a_410_naming_the_oldest_kept_and_the_rest_reads_on()
    {
        using var carol = await _services.OtherNamespaceClientAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await _services.CreateAsync(new { image_name = ServiceArrangements.Image, name = "swept-a" }, carol);
        await _services.CreateAsync(new { image_name = ServiceArrangements.Image, name = "swept-b" }, carol);
        var last = await LastIdAsync(carol);
        // The retention sweep, with every change so far past its retention.
        await _app.Services.GetRequiredService<IChangeLog>().DeleteBeforeAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        var kept = await _services.CreateAsync(new { image_name = ServiceArrangements.Image, name = "kept" }, carol);

        var since = before.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        foreach (var gone in new[] { await carol.GetAsync($"{EventFollower.Path}?after=0"), await carol.GetAsync($"{EventFollower.Path}?since={since}"), await SendAsync(carol, EventFollower.Path, "1") })
        {
            await ExpectAsync(gone, HttpStatusCode.Gone);
            Assert.Contains($"The oldest kept is id {last + 1}", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var after = await carol.GetFromJsonAsync<JsonObject>($"{EventFollower.Path}?after={last}");
        Assert.Equal([ServiceArrangements.Uri(kept)], Objects(after!).Select(e => (string?)e["resource_uri"]));
        var all = await carol.GetFromJsonAsync<JsonObject>(EventFollower.Path);
        Assert.Equal([ServiceArrangements.Uri(kept)], Objects(all!).Select(e => (string?)e["resource_uri"]));
    }

    private static async Task<long> LastIdAsync(HttpClient client)
    {
        var events = await ServerSentEventReader.ReadAsync(client, EventFollower.Path, null, CancellationToken.None).FirstAsync();
        return long.Parse(events.Id!, CultureInfo.InvariantCulture);
    }

    private static IEnumerable<JsonObject> Objects(JsonObject list) => list["objects"]!.AsArray().Select(e => (JsonObject)e!);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string uri, string? lastEventId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(ServerSentEventReader.MediaType));
        if (lastEventId is not null)
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }
}
