using System.Net;
using System.Text.Json.Nodes;
using FunctionsCloud.Application.Liveness;
using FunctionsCloud.Domain.Liveness;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Storage.Liveness;
using FunctionsCloud.Storage.Nodes;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using static FunctionsCloud.Functions.Tests.Liveness.AgentCalls;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Liveness;

/// <summary>
/// The monitor's rules on the app's own clock, moved by hand: Unreachable after unreachable_after (45 s), back to
/// Deployed on a heartbeat, handed over after lost_after (300 s); every transition an event in the audit log.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MonitorTests : IAsyncLifetime
{
    /// <summary>An NCRONTAB schedule that does not come up during a test (midnight, January 1st).</summary>
    public const string Never = "0 0 0 1 1 *";

    // Whole seconds and a monitor period of 1 s: every deadline below falls on a period boundary.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private readonly RecordingLostNodeHandler _lost = new();
    private FunctionsCloudTestHost _app = null!;
    private HttpClient _agent = null!;

    public async Task InitializeAsync()
    {
        _app = await StartAsync(new Dictionary<string, string?>
        {
            ["FunctionsCloud:MonitorSchedule"] = Never,
            ["FunctionsCloud:MonitorPeriodSeconds"] = "1",
            // The clock moves by hand, minutes at a time, with no tick in between: not an outage of the monitor's here.
            ["FunctionsCloud:MonitorOutageGapSeconds"] = "86400",
        }, services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock));
            services.Replace(ServiceDescriptor.Singleton<ILostNodeHandler>(_lost));
        });
        _agent = _app.NewClient();
    }

    public async Task DisposeAsync()
    {
        _agent.Dispose();
        await _app.DisposeAsync();
    }

    private LivenessMonitor Monitor => _app.Services.GetRequiredService<LivenessMonitor>();

    [Fact]
    public async Task A_node_silent_while_its_engine_upgrades_comes_back_Upgrading()
    {
        var node = await _app.RegisterNodeAsync();
        var answer = await BeatAsync(_agent, node.NodeSecret, node.Lease);
        await _app.Services.GetRequiredService<INodeStore>().UpdateAsync(node.Namespace, node.NodeUuid, n =>
        {
            n.MoveTo(NodeState.Upgrading);
            n.ActiveAction = Guid.NewGuid();
            return true;
        });

        _clock.Advance(TimeSpan.FromSeconds(47));
        await Monitor.TickAsync(default);
        Assert.Equal("Unreachable", await StateAsync(node));
        _clock.Advance(TimeSpan.FromSeconds(1)); // the events, newest first, are ordered by their times
        await BeatAsync(_agent, node.NodeSecret, answer.Lease);

        Assert.Equal("Upgrading", await StateAsync(node));
        Assert.Equal(["Upgrading", "Unreachable"], (await EventsAsync(node)).Select(e => (string)e["state"]!));
    }

    [Fact]
    public async Task A_silent_node_becomes_Unreachable_comes_back_on_a_heartbeat_and_is_handed_over_when_lost()
    {
        var node = await _app.RegisterNodeAsync();
        var alive = await _app.RegisterNodeAsync();
        var answer = await BeatAsync(_agent, node.NodeSecret, node.Lease);
        var aliveLease = alive.Lease;

        aliveLease = await AdvanceAsync(TimeSpan.FromSeconds(44), alive, aliveLease);
        Assert.Equal(0, (await Monitor.TickAsync(default)).Due);
        aliveLease = await AdvanceAsync(TimeSpan.FromSeconds(2), alive, aliveLease);
        var silent = await Monitor.TickAsync(default);
        Assert.Equal((1, 1), (silent.Due, silent.MadeUnreachable));
        Assert.Equal("Unreachable", await StateAsync(node));

        // The agent's lease no longer matches (the monitor moved the node's rows): the heartbeat reads and brings the node back.
        aliveLease = await AdvanceAsync(TimeSpan.FromSeconds(1), alive, aliveLease);
        answer = await BeatAsync(_agent, node.NodeSecret, answer.Lease);
        Assert.Equal("Deployed", await StateAsync(node));

        // Due rows lie on the node's own phase of the period (1 s here): a tick finds a deadline up to a period after it.
        aliveLease = await AdvanceAsync(TimeSpan.FromSeconds(46), alive, aliveLease);
        await Monitor.TickAsync(default);
        Assert.Equal("Unreachable", await StateAsync(node));
        aliveLease = await AdvanceAsync(TimeSpan.FromSeconds(253), alive, aliveLease); // 299 s since its last heartbeat
        Assert.Equal(0, (await Monitor.TickAsync(default)).Lost);
        aliveLease = await AdvanceAsync(TimeSpan.FromSeconds(2), alive, aliveLease); // 301 s
        Assert.Equal(1, (await Monitor.TickAsync(default)).Lost);
        Assert.Equal([node.NodeUuid], _lost.Lost);
        Assert.Equal("Unreachable", await StateAsync(node));
        await AdvanceAsync(TimeSpan.FromHours(1), alive, aliveLease);
        Assert.Equal(0, (await Monitor.TickAsync(default)).Due);
        Assert.Equal(node.NodeUuid, Assert.Single(_lost.Lost)); // handed over once, then left alone
        Assert.Equal("Deployed", await StateAsync(alive));

        var events = await EventsAsync(node);
        Assert.Equal(["Lost", "Unreachable", "Deployed", "Unreachable"], events.Select(e => (string)e["state"]!));
        Assert.All(events, e => Assert.Equal(("node", "update", node.NodeUri), ((string?)e["type"], (string?)e["action"], (string?)e["object"])));
        Assert.Equal("No heartbeat for 45 s (unreachable_after).", (string?)events[3]["reason"]);
        Assert.Equal("No heartbeat for 300 s (lost_after): handed to the lost-node handling.", (string?)events[0]["reason"]);
        var one = await _app.GetJsonAsync((string)events[0]["resource_uri"]!);
        Assert.Equal((string?)events[0]["uuid"], (string?)one["uuid"]);
        Assert.Empty(await EventsAsync(alive));
    }

    [Fact]
    public async Task A_health_check_judges_a_silent_node_at_once_by_the_monitors_rules()
    {
        var node = await _app.RegisterNodeAsync();
        var fresh = await HealthCheckAsync(node);
        Assert.Equal("Deployed", (string?)fresh["state"]);

        _clock.Advance(TimeSpan.FromSeconds(45));
        var silent = await HealthCheckAsync(node);

        Assert.Equal("Unreachable", (string?)silent["state"]);
        Assert.Equal("Unreachable", (string?)Assert.Single(await EventsAsync(node))["state"]);
        Assert.Equal(0, (await Monitor.TickAsync(default)).Due); // nothing left for the timer
        var stranger = _app.NewClient();
        await ExpectAsync(await stranger.PostAsync($"{node.NodeUri}health-check/", null), HttpStatusCode.Unauthorized);
        await ExpectAsync(await _app.Client.PostAsync($"/api/infra/v1/node/{Guid.NewGuid():D}/health-check/", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Two_monitors_ticking_at_once_judge_each_silent_node_once()
    {
        var nodes = new List<RegisteredAgent>();
        for (var i = 0; i < 40; i++)
            nodes.Add(await _app.RegisterNodeAsync());
        _clock.Advance(TimeSpan.FromSeconds(46));

        var ticks = await Task.WhenAll(Monitor.TickAsync(default), Monitor.TickAsync(default));

        Assert.Equal(40, ticks.Sum(t => t.MadeUnreachable));
        var events = (JsonArray)(await _app.GetJsonAsync("/api/audit/v1/event/?state=Unreachable&limit=100"))["objects"]!;
        Assert.Equal(40, events.Count);
        Assert.Equal(nodes.Select(n => n.NodeUri).Order(), events.Select(e => (string)e!["object"]!).Order());
    }

    [Fact]
    public async Task After_a_gap_in_the_ticks_a_monitor_that_never_saw_a_failure_still_holds_back()
    {
        var policy = _app.Services.GetRequiredService<LivenessPolicy>() with { OwnOutageGap = null }; // 5 s at a period of 1 s
        var node = await _app.RegisterNodeAsync();
        var before = NewMonitor(policy);
        await before.TickAsync(default);

        // The control plane is down for a minute: no tick, no heartbeat recorded. Another instance (or a worker
        // started again) ticks first, with nothing in its memory of the outage.
        _clock.Advance(TimeSpan.FromSeconds(60));
        var after = NewMonitor(policy);
        Assert.Equal(0, (await after.TickAsync(default)).MadeUnreachable);
        for (var waited = 0; waited < 44; waited += 4)
        {
            _clock.Advance(TimeSpan.FromSeconds(4));
            Assert.Equal(0, (await before.TickAsync(default)).MadeUnreachable);
        }

        Assert.Equal("Deployed", await StateAsync(node));
        _clock.Advance(TimeSpan.FromSeconds(1)); // unreachable_after since the ticks worked again: silence is the node's now
        Assert.Equal(1, (await after.TickAsync(default)).MadeUnreachable);
        Assert.Equal("Unreachable", await StateAsync(node));
    }

    private LivenessMonitor NewMonitor(LivenessPolicy policy) => ActivatorUtilities.CreateInstance<LivenessMonitor>(_app.Services,
        new OwnStorageOutage(_app.Services.GetRequiredService<ILivenessStore>(), policy, _clock));

    /// <summary>Moves the clock on while one node keeps sending heartbeats every 20 s; returns its latest lease.</summary>
    private async Task<string?> AdvanceAsync(TimeSpan by, RegisteredAgent beating, string? lease)
    {
        for (var left = by; left > TimeSpan.Zero; left -= TimeSpan.FromSeconds(20))
        {
            _clock.Advance(left < TimeSpan.FromSeconds(20) ? left : TimeSpan.FromSeconds(20));
            lease = (await BeatAsync(_agent, beating.NodeSecret, lease)).Lease;
        }

        return lease;
    }

    private async Task<string> StateAsync(RegisteredAgent node) => (string)(await _app.GetJsonAsync(node.NodeUri))["state"]!;

    private async Task<JsonObject> HealthCheckAsync(RegisteredAgent node)
    {
        var response = await _app.Client.PostAsync($"{node.NodeUri}health-check/", null);
        await ExpectAsync(response, HttpStatusCode.OK);
        return (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<JsonObject>(response.Content))!;
    }

    private async Task<List<JsonObject>> EventsAsync(RegisteredAgent node) =>
        ((JsonArray)(await _app.GetJsonAsync($"/api/audit/v1/event/?object={Uri.EscapeDataString(node.NodeUri)}"))["objects"]!)
        .Select(e => (JsonObject)e!).ToList();
}
