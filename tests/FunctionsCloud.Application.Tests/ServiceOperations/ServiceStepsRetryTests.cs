using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Application.Tests.ServiceOperations.Support;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Application.Tests.ServiceOperations;

/// <summary>A step that failed after writing its containers, retried: it writes nothing twice, yet every node hears of it.</summary>
public class ServiceStepsRetryTests
{
    private readonly ServiceWorld _world = new();

    [Fact]
    public async Task A_start_retried_after_a_failed_bump_tells_the_node_it_had_not_told()
    {
        var node = _world.AddNode();
        var web = _world.AddService(2, ServiceState.Starting);
        var op = _world.Operation(web, ServiceOperationKind.Start);
        _world.Liveness.FailNextUpdate = new IOException("the storage call failed");

        await Assert.ThrowsAsync<IOException>(() => _world.ApplyAsync(op));
        var created = _world.ContainersOf(web);
        await _world.ApplyAsync(op);

        Assert.Equal(created.Select(c => c.Uuid), _world.ContainersOf(web).Select(c => c.Uuid));
        Assert.Equal(1, _world.Generation(node));
    }

    [Fact]
    public async Task A_stop_retried_after_a_failed_bump_tells_the_node_it_had_not_told()
    {
        var node = _world.AddNode();
        var web = _world.AddService(1, ServiceState.Stopping);
        var running = _world.AddContainer(web, node, 1);
        var op = _world.Operation(web, ServiceOperationKind.Stop);
        _world.Liveness.FailNextUpdate = new IOException("the storage call failed");

        await Assert.ThrowsAsync<IOException>(() => _world.ApplyAsync(op));
        await _world.ApplyAsync(op);

        Assert.Equal((ContainerState.Stopping, 1), (_world.Containers[running.Uuid].State, _world.Generation(node)));
    }

    [Fact]
    public async Task A_step_tells_no_node_whose_containers_are_where_it_wants_them()
    {
        var (done, stopping) = (_world.AddNode(), _world.AddNode());
        var web = _world.AddService(2, ServiceState.Stopping);
        _world.AddContainer(web, done, 1, ContainerState.Stopped, ContainerDesire.Stopped);
        _world.AddContainer(web, stopping, 2);
        var op = _world.Operation(web, ServiceOperationKind.Stop);

        await _world.ApplyAsync(op);
        await _world.ApplyAsync(op);

        Assert.Equal((0, 2), (_world.Generation(done), _world.Generation(stopping)));
    }
}
