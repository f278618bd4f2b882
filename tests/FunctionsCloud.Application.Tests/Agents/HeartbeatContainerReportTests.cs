using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Tests.Agents.Support;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Validation;
using FunctionsCloud.Storage.Liveness;
using Moq;

namespace FunctionsCloud.Application.Tests.Agents;

/// <summary>Heartbeats carrying container reports: a report already applied costs the heartbeat nothing beyond its one write.</summary>
public class HeartbeatContainerReportTests
{
    private static readonly NodeInventory Inventory = new(2, 4096, 60, "27.1.0");
    private readonly NodeWorld _world = new();

    [Fact]
    public async Task A_report_is_applied_once_and_then_skipped_while_it_stays_the_same()
    {
        var row = _world.AddContainer(ContainerState.Starting);
        IReadOnlyList<ReportedContainer> report = [new(row.Uuid, 1, ReportedStates.Running)];
        var heartbeats = _world.Heartbeats();
        var lease = _world.Credentials.IssueLease(_world.Lease);

        var first = await heartbeats.RecordAsync(_world.Node, new HeartbeatRequest(Inventory, lease, report), CancellationToken.None);
        _world.Liveness.Invocations.Clear();
        var second = await heartbeats.RecordAsync(_world.Node, new HeartbeatRequest(Inventory, first.Lease, report.Reverse().ToList()), CancellationToken.None);

        Assert.Equal(ContainerState.Running, _world.Containers[row.Uuid].State);
        Assert.Equal(1, _world.Containers.Lists); // the second heartbeat read no containers
        _world.Liveness.Verify(l => l.TryWriteAsync(It.IsAny<LivenessWrite>(), It.IsAny<CancellationToken>()), Times.Once);
        _world.Liveness.Verify(l => l.GetAsync(It.IsAny<string>(), It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.True(_world.Credentials.TryReadLease(second.Lease, out var read));
        Assert.NotNull(read.ContainersDigest);
    }

    [Fact]
    public async Task A_heartbeat_without_a_lease_applies_its_report()
    {
        var row = _world.AddContainer(ContainerState.Starting);

        var answer = await _world.Heartbeats().RecordAsync(_world.Node, new HeartbeatRequest(Inventory, null, [new(row.Uuid, 1, ReportedStates.Running)]), CancellationToken.None);

        Assert.Equal(ContainerState.Running, _world.Containers[row.Uuid].State);
        Assert.NotNull(answer.Lease);
    }

    [Fact]
    public async Task An_autodestroy_reaches_the_agent_as_a_new_generation_in_the_same_answer()
    {
        var row = _world.AddContainer(ContainerState.Running, autodestroy: Domain.Services.Autodestroy.Always);

        var answer = await _world.Heartbeats().RecordAsync(_world.Node,
            new HeartbeatRequest(Inventory, _world.Credentials.IssueLease(_world.Lease), [new(row.Uuid, 1, ReportedStates.Stopped, ExitCode: 0)]), CancellationToken.None);

        Assert.Equal((1, 1), (answer.Generation, _world.Pointer.Generation));
    }

    [Fact]
    public async Task A_bad_report_is_a_400_and_not_even_the_beat_is_written()
    {
        var row = _world.AddContainer(ContainerState.Starting);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => _world.Heartbeats().RecordAsync(_world.Node,
            new HeartbeatRequest(Inventory, _world.Credentials.IssueLease(_world.Lease), [new(row.Uuid, 1, "Exploded")]), CancellationToken.None));

        Assert.Equal("containers[0].state", Assert.Single(error.Errors).Field);
        Assert.Empty(_world.Liveness.Invocations);
        Assert.Equal((0, ContainerState.Starting), (_world.Containers.Lists, _world.Containers[row.Uuid].State));
    }

    [Fact]
    public async Task A_secret_rotated_away_applies_no_report()
    {
        var row = _world.AddContainer(ContainerState.Starting);
        var lease = _world.Credentials.IssueLease(_world.Lease);
        _world.Pointer = _world.Pointer with { SecretVersion = 2, Version = "rotated" };

        await Assert.ThrowsAsync<AuthenticationFailedException>(() => _world.Heartbeats().RecordAsync(_world.Node,
            new HeartbeatRequest(Inventory, lease, [new(row.Uuid, 1, ReportedStates.Running)]), CancellationToken.None));

        Assert.Equal(0, _world.Containers.Lists);
    }
}
