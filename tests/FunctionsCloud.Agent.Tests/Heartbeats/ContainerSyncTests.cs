using System.Text.Json;
using FunctionsCloud.Agent.Identity;
using FunctionsCloud.Agent.Tests.Support;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Testing.Agents;

namespace FunctionsCloud.Agent.Tests.Heartbeats;

/// <summary>When the heartbeat loop fetches and reconciles the desired containers (engine stubbed).</summary>
public sealed class ContainerSyncTests : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _dir = new();
    private readonly NodeIdentity _identity = new(Guid.NewGuid(), "node-secret-sync");
    private readonly RecordingTimeProvider _time = new();
    private FakeControlPlane _controlPlane = null!;

    public async Task InitializeAsync()
    {
        _controlPlane = await FakeControlPlane.StartAsync();
        _controlPlane.KnowNode(_identity.Uuid, _identity.NodeSecret);
        _controlPlane.HeartbeatInterval = (int)Interval.TotalSeconds;
    }

    public async Task DisposeAsync()
    {
        await _controlPlane.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Without_an_engine_heartbeats_carry_no_containers_and_nothing_is_fetched()
    {
        _controlPlane.Generation = 3;
        using var agent = new AgentParts(_controlPlane, _dir.Path, time: _time, containers: new StubNodeContainers(report: null));
        using var cts = new CancellationTokenSource();

        var run = agent.Heartbeats.RunAsync(_identity, Interval, cts.Token);
        await _time.WaitForTimersAsync(1);

        Assert.Equal(JsonValueKind.Null, Assert.Single(_controlPlane.Heartbeats).Json.GetProperty("containers").ValueKind);
        Assert.Empty(_controlPlane.DesiredContainerFetches);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task A_generation_is_reconciled_once_and_an_unchanged_report_adds_no_heartbeat()
    {
        _controlPlane.Generation = 2;
        var engine = new StubNodeContainers(report: []);
        using var agent = new AgentParts(_controlPlane, _dir.Path, time: _time, containers: engine);
        using var cts = new CancellationTokenSource();

        var run = agent.Heartbeats.RunAsync(_identity, Interval, cts.Token);
        await _time.WaitForTimersAsync(2); // cut short by the reconcile, then the interval
        Assert.Single(_controlPlane.Heartbeats);
        Assert.Single(_controlPlane.DesiredContainerFetches);
        Assert.Equal(2, agent.Containers.ReconciledGeneration);

        _time.Advance(Interval);
        await _time.WaitForTimersAsync(3);
        Assert.Equal(2, _controlPlane.Heartbeats.Count);
        Assert.Single(_controlPlane.DesiredContainerFetches);
        Assert.Single(engine.Reconciles);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task A_reconcile_that_changes_the_report_sends_it_at_once_and_the_regular_beats_keep_their_cadence()
    {
        _controlPlane.Generation = 1;
        var running = new ReportedContainer(Guid.NewGuid(), 1, "Running");
        var engine = new StubNodeContainers(report: []) { Gate = new(TaskCreationOptions.RunContinuationsAsynchronously), ReportAfterReconcile = [running] };
        using var agent = new AgentParts(_controlPlane, _dir.Path, time: _time, containers: engine);
        using var cts = new CancellationTokenSource();

        var run = agent.Heartbeats.RunAsync(_identity, Interval, cts.Token);
        await _time.WaitForTimersAsync(1);
        _time.Advance(TimeSpan.FromSeconds(12));
        engine.Gate.SetResult();
        await _time.WaitForTimersAsync(2);

        Assert.Equal(2, _controlPlane.Heartbeats.Count);
        Assert.Equal(running.Uuid, _controlPlane.Heartbeats[^1].Json.GetProperty("containers")[0].GetProperty("uuid").GetGuid());
        Assert.Equal(Interval - TimeSpan.FromSeconds(12), _time.Timers[^1]);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task A_failed_fetch_or_reconcile_is_logged_and_tried_again_at_the_next_heartbeat()
    {
        _controlPlane.Generation = 5;
        _controlPlane.OnDesiredContainers = (_, n) => n == 1 ? FakeAnswer.Problem(503, "Busy.") : null;
        var engine = new StubNodeContainers(report: []);
        using var agent = new AgentParts(_controlPlane, _dir.Path, time: _time, containers: engine);
        using var cts = new CancellationTokenSource();

        var run = agent.Heartbeats.RunAsync(_identity, Interval, cts.Token);
        await _time.WaitForTimersAsync(2);
        Assert.Empty(engine.Reconciles);
        Assert.Contains(agent.Logs.Lines, l => l.Contains("could not be reconciled (HTTP 503 ServiceUnavailable: Busy.)", StringComparison.Ordinal));

        engine.Failure = new HttpRequestException("engine gone");
        _time.Advance(Interval);
        await _time.WaitForTimersAsync(4);
        Assert.Single(engine.Reconciles);
        Assert.Contains(agent.Logs.Lines, l => l.Contains("could not be reconciled (engine gone)", StringComparison.Ordinal));
        Assert.Null(agent.Containers.ReconciledGeneration);

        engine.Failure = null;
        _time.Advance(Interval);
        await _time.WaitForTimersAsync(6);
        Assert.Equal(2, engine.Reconciles.Count);
        Assert.Equal(5, agent.Containers.ReconciledGeneration);
        Assert.Equal(3, _controlPlane.Heartbeats.Count);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }
}
