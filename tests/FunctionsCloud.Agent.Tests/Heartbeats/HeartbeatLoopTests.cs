using FunctionsCloud.Agent.Heartbeats;
using FunctionsCloud.Agent.Identity;
using FunctionsCloud.Agent.Tests.Support;
using FunctionsCloud.Testing.Agents;

namespace FunctionsCloud.Agent.Tests.Heartbeats;

public sealed class HeartbeatLoopTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly NodeIdentity _identity = new(Guid.NewGuid(), "node-secret-1");
    private FakeControlPlane _controlPlane = null!;

    public async Task InitializeAsync()
    {
        _controlPlane = await FakeControlPlane.StartAsync();
        _controlPlane.KnowNode(_identity.Uuid, _identity.NodeSecret);
    }

    public async Task DisposeAsync()
    {
        await _controlPlane.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Heartbeats_carry_the_secret_and_inventory_and_follow_the_servers_interval()
    {
        var time = new RecordingTimeProvider();
        using var agent = new AgentParts(_controlPlane, _dir.Path, time: time, dockerVersion: "26.1.5");
        using var cts = new CancellationTokenSource();
        _controlPlane.HeartbeatInterval = 30;

        var run = agent.Heartbeats.RunAsync(_identity, TimeSpan.FromSeconds(900), cts.Token);

        // First heartbeat at once; then the loop waits what the server answered (30 s), not the initial 900 s.
        await time.WaitForTimersAsync(1);
        Assert.Single(_controlPlane.Heartbeats);
        Assert.Equal(TimeSpan.FromSeconds(30), time.Timers[^1]);

        _controlPlane.HeartbeatInterval = 45;
        time.Advance(TimeSpan.FromSeconds(30));
        await time.WaitForTimersAsync(2);
        Assert.Equal(2, _controlPlane.Heartbeats.Count);
        Assert.Equal(TimeSpan.FromSeconds(45), time.Timers[^1]);
        Assert.Equal(TimeSpan.FromSeconds(45), agent.Heartbeats.Interval);

        time.Advance(TimeSpan.FromSeconds(45));
        await time.WaitForTimersAsync(3);
        Assert.Equal(3, _controlPlane.Heartbeats.Count);

        foreach (var heartbeat in _controlPlane.Heartbeats)
        {
            Assert.Equal("Bearer node-secret-1", heartbeat.Authorization);
            var inventory = heartbeat.Json.GetProperty("inventory");
            Assert.Equal(Environment.ProcessorCount, inventory.GetProperty("cpu").GetInt32());
            Assert.True(inventory.GetProperty("memory").GetInt64() > 0);
            Assert.True(inventory.GetProperty("disk").GetInt64() > 0);
            Assert.Equal("26.1.5", inventory.GetProperty("docker_version").GetString());
        }

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(3, agent.Heartbeats.Accepted);
        Assert.DoesNotContain(_identity.NodeSecret, agent.Logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_interval_counts_from_the_start_of_each_beat_so_a_slow_answer_does_not_stretch_the_period()
    {
        var time = new RecordingTimeProvider();
        _controlPlane.HeartbeatInterval = 10;
        _controlPlane.OnHeartbeat = (_, _) =>
        {
            time.Advance(TimeSpan.FromSeconds(3));
            return null;
        };
        using var agent = new AgentParts(_controlPlane, _dir.Path, time: time);
        using var cts = new CancellationTokenSource();

        var run = agent.Heartbeats.RunAsync(_identity, TimeSpan.FromSeconds(10), cts.Token);

        await time.WaitForTimersAsync(1);
        Assert.Equal(TimeSpan.FromSeconds(7), time.Timers[^1]);
        time.Advance(TimeSpan.FromSeconds(7));
        await time.WaitForTimersAsync(2);
        Assert.Equal(2, _controlPlane.Heartbeats.Count);
        Assert.Equal(TimeSpan.FromSeconds(7), time.Timers[^1]);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task Every_heartbeat_echoes_the_lease_of_the_last_answer_and_the_generation_is_kept()
    {
        var time = new RecordingTimeProvider();
        using var agent = new AgentParts(_controlPlane, _dir.Path, time: time);
        using var cts = new CancellationTokenSource();
        _controlPlane.Generation = 4;

        var run = agent.Heartbeats.RunAsync(_identity, TimeSpan.FromSeconds(30), cts.Token, lease: "lease-from-registration");
        await time.WaitForTimersAsync(1);
        time.Advance(TimeSpan.FromSeconds(30));
        await time.WaitForTimersAsync(2);

        Assert.Equal(["lease-from-registration", "lease-1"], _controlPlane.Heartbeats.Select(h => h.Json.GetProperty("lease").GetString()));
        Assert.Equal(4, agent.Heartbeats.Generation);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task A_secret_rotated_on_disk_while_the_agent_runs_is_picked_up_after_the_401()
    {
        var time = new RecordingTimeProvider();
        using var agent = new AgentParts(_controlPlane, _dir.Path, time: time);
        agent.Identities.Save(_identity);
        using var cts = new CancellationTokenSource();

        var run = agent.Heartbeats.RunAsync(_identity, TimeSpan.FromSeconds(30), cts.Token);
        await time.WaitForTimersAsync(1);
        var rotated = await agent.Client.RotateSecretAsync(_identity.NodeSecret, CancellationToken.None);
        agent.Identities.Save(_identity with { NodeSecret = rotated.NodeSecret });
        time.Advance(TimeSpan.FromSeconds(30));
        await time.WaitForTimersAsync(2);

        Assert.Equal(3, _controlPlane.Heartbeats.Count); // accepted, refused (old secret), accepted (new secret)
        Assert.Equal($"Bearer {rotated.NodeSecret}", _controlPlane.Heartbeats[^1].Authorization);
        Assert.Equal(2, agent.Heartbeats.Accepted);
        Assert.Contains(agent.Logs.Lines, l => l.Contains("the node secret was rotated", StringComparison.Ordinal));
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(401)]
    public async Task A_node_the_control_plane_no_longer_knows_stops_the_loop(int status)
    {
        _controlPlane.OnHeartbeat = (_, n) => n >= 2 ? FakeAnswer.Problem(status, "Node was terminated.") : null;
        _controlPlane.HeartbeatInterval = 1;
        using var agent = new AgentParts(_controlPlane, _dir.Path);

        var outcome = await agent.Heartbeats.RunAsync(_identity, TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.Equal(HeartbeatOutcome.NodeGone, outcome);
        Assert.Equal(2, _controlPlane.Heartbeats.Count);
        Assert.Contains(agent.Logs.Lines, l => l.Contains($"HTTP {status}", StringComparison.Ordinal) && l.Contains("no longer accepts this node", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Transient_failures_are_logged_and_the_loop_goes_on()
    {
        var time = new RecordingTimeProvider();
        _controlPlane.OnHeartbeat = (_, n) => n == 1 ? FakeAnswer.Problem(503, "Busy.") : null;
        _controlPlane.HeartbeatInterval = 20;
        using var agent = new AgentParts(_controlPlane, _dir.Path, time: time);
        using var cts = new CancellationTokenSource();

        var run = agent.Heartbeats.RunAsync(_identity, TimeSpan.FromSeconds(10), cts.Token);

        await time.WaitForTimersAsync(1);
        Assert.Equal(TimeSpan.FromSeconds(10), time.Timers[^1]);
        time.Advance(TimeSpan.FromSeconds(10));
        await time.WaitForTimersAsync(2);
        Assert.Equal(TimeSpan.FromSeconds(20), time.Timers[^1]);

        Assert.Equal(2, _controlPlane.Heartbeats.Count);
        Assert.Contains(agent.Logs.Lines, l => l.Contains("heartbeat failed 1 time(s) in a row (HTTP 503 ServiceUnavailable: Busy.)", StringComparison.Ordinal));
        Assert.Contains(agent.Logs.Lines, l => l.Contains("heartbeat accepted after 1 failure(s)", StringComparison.Ordinal));
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }
}
