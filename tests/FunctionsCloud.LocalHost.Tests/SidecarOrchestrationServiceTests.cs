using DurableTask.Core;
using FunctionsCloud.LocalHost.Durable;
using Moq;

namespace FunctionsCloud.LocalHost.Tests;

/// <summary>The sidecar's start and stop of the orchestration service, in the orders a host's short life can bring them.</summary>
public sealed class SidecarOrchestrationServiceTests
{
    private readonly Mock<IOrchestrationService> _inner = new();

    [Fact]
    public async Task A_stop_before_any_start_leaves_the_service_alone()
    {
        var guarded = new SidecarOrchestrationService(_inner.Object);

        await guarded.StopAsync();

        _inner.Verify(s => s.StopAsync(It.IsAny<bool>()), Times.Never);
        _inner.Verify(s => s.StopAsync(), Times.Never);
    }

    [Fact]
    public async Task A_start_after_the_stop_does_not_start_the_service()
    {
        var guarded = new SidecarOrchestrationService(_inner.Object);

        await guarded.StopAsync();
        await guarded.StartAsync();

        _inner.Verify(s => s.StartAsync(), Times.Never);
    }

    [Fact]
    public async Task A_started_service_is_stopped_once()
    {
        var guarded = new SidecarOrchestrationService(_inner.Object);

        await guarded.StartAsync();
        await guarded.StartAsync();
        await guarded.StopAsync();
        await guarded.StopAsync(isForced: true);

        _inner.Verify(s => s.StartAsync(), Times.Once);
        _inner.Verify(s => s.StopAsync(false), Times.Once);
        _inner.Verify(s => s.StopAsync(true), Times.Never);
    }

    [Fact]
    public async Task A_stop_during_a_start_waits_for_it_and_then_stops_the_service()
    {
        var starting = new TaskCompletionSource();
        _inner.Setup(s => s.StartAsync()).Returns(starting.Task);
        var guarded = new SidecarOrchestrationService(_inner.Object);

        var start = guarded.StartAsync();
        var stop = guarded.StopAsync();
        Assert.False(stop.IsCompleted);
        starting.SetResult();
        await Task.WhenAll(start, stop);

        _inner.Verify(s => s.StopAsync(false), Times.Once);
    }
}
