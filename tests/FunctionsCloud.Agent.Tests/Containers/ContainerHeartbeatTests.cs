using System.Text.Json;
using FunctionsCloud.Agent.Identity;
using FunctionsCloud.Agent.Tests.Support;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Testing.Agents;

namespace FunctionsCloud.Agent.Tests.Containers;

/// <summary>The heartbeat loop with the real engine and a control plane faked at HTTP level.</summary>
public sealed class ContainerHeartbeatTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private DockerTestNode _node = null!;
    private FakeControlPlane _controlPlane = null!;
    private NodeIdentity _identity = null!;

    public async Task InitializeAsync()
    {
        _node = await DockerTestNode.StartAsync();
        _identity = new NodeIdentity(_node.Uuid, "node-secret-containers");
        _controlPlane = await FakeControlPlane.StartAsync();
        _controlPlane.KnowNode(_identity.Uuid, _identity.NodeSecret);
    }

    public async Task DisposeAsync()
    {
        await _controlPlane.DisposeAsync();
        await _node.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_new_generation_is_fetched_reconciled_and_reported_by_a_heartbeat_at_once()
    {
        var time = new RecordingTimeProvider();
        using var agent = new AgentParts(_controlPlane, _dir.Path, time: time, containers: _node.Containers);
        using var cts = new CancellationTokenSource();
        var web = Desired.Container("web-1", Desired.Spec(Desired.Published(80)));
        (_controlPlane.Generation, _controlPlane.DesiredContainers) = (1, [web]);

        var run = agent.Heartbeats.RunAsync(_identity, TimeSpan.FromSeconds(30), cts.Token);

        // The fake clock never moves: the second heartbeat comes from the finished reconcile, not from the interval.
        await _controlPlane.WaitUntilAsync(c => c.Heartbeats.Count >= 2, "a heartbeat after the reconcile");
        Assert.Equal("Bearer node-secret-containers", Assert.Single(_controlPlane.DesiredContainerFetches).Authorization);
        Assert.Empty(ContainersOf(_controlPlane.Heartbeats[0]));
        var reported = Assert.Single(ContainersOf(_controlPlane.Heartbeats[1]));
        Assert.Equal(web.Uuid, reported.GetProperty("uuid").GetGuid());
        Assert.Equal(ReportedStates.Running, reported.GetProperty("state").GetString());
        Assert.True(reported.GetProperty("ports")[0].GetProperty("outer_port").GetInt32() > 0);
        Assert.Equal("PATH", reported.GetProperty("image_env")[0].GetProperty("key").GetString()); // the test image's ENV, once
        Assert.Equal(1, agent.Containers.ReconciledGeneration);

        // The next generation removes it: fetched at the next (interval) heartbeat, reported at once again.
        (_controlPlane.Generation, _controlPlane.DesiredContainers) = (2, []);
        await time.WaitForTimersAsync(2); // the wait cut short by the reconcile, then the wait after the heartbeat it caused
        time.Advance(TimeSpan.FromSeconds(30));
        await _controlPlane.WaitUntilAsync(c => c.Heartbeats.Count >= 4, "a heartbeat after the removal");
        Assert.Equal(2, _controlPlane.DesiredContainerFetches.Count);
        Assert.False(Assert.Single(ContainersOf(_controlPlane.Heartbeats[2])).TryGetProperty("image_env", out _), "image variables go once");
        Assert.Empty(ContainersOf(_controlPlane.Heartbeats[3]));
        Assert.Empty(await _node.ReportAsync());

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    private static JsonElement[] ContainersOf(RecordedRequest heartbeat) => [.. heartbeat.Json.GetProperty("containers").EnumerateArray()];
}
