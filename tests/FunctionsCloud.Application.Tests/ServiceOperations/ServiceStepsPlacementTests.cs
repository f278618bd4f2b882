using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Application.Tests.ServiceOperations.Support;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.Placement;
using FunctionsCloud.Domain.Services;
using static FunctionsCloud.Domain.Containers.ContainerState;

namespace FunctionsCloud.Application.Tests.ServiceOperations;

/// <summary>The steps that create containers: start, scale, reschedule.</summary>
public class ServiceStepsPlacementTests
{
    private readonly ServiceWorld _world = new();

    [Fact]
    public async Task Start_of_a_not_running_service_creates_its_target_on_the_emptiest_nodes_and_tells_each_node_once()
    {
        var (busy, a, b) = (_world.AddNode(), _world.AddNode(), _world.AddNode());
        var db = _world.AddService(2, ServiceState.Running, name: "db");
        _world.AddContainer(db, busy, 1);
        _world.AddContainer(db, busy, 2);
        var web = _world.AddService(3, ServiceState.Starting);
        var op = _world.Operation(web, ServiceOperationKind.Start);

        var step = await _world.ApplyAsync(op);

        var created = _world.ContainersOf(web);
        Assert.Equal(["web-1", "web-2", "web-3"], created.Select(c => c.Name));
        Assert.All(created, c => Assert.Equal((Starting, ContainerDesire.Running, ContainerNumbers.UuidFor(op.ActionUuid, c.Number)), (c.State, c.Desired, c.Uuid)));
        Assert.Equal([2, 1], created.CountBy(c => c.NodeUuid).Select(p => p.Value).Order().Reverse());
        Assert.DoesNotContain(created, c => c.NodeUuid == busy.Uuid);
        Assert.Equal((0, 1, 1), (_world.Generation(busy), _world.Generation(a), _world.Generation(b)));
        AwaitedAssert.Same(created.Select(c => new AwaitedContainer(c.Uuid, ContainerGoal.Running, 1)), step.Awaited);
        Assert.Empty(step.Failures);
    }

    [Fact]
    public async Task A_retried_start_creates_nothing_more()
    {
        _world.AddNode();
        _world.AddNode();
        var web = _world.AddService(3, ServiceState.Starting);
        var op = _world.Operation(web, ServiceOperationKind.Start);
        await _world.ApplyAsync(op);
        var first = _world.ContainersOf(web);

        var again = await _world.ApplyAsync(op);

        Assert.Equal(first.Select(c => (c.Uuid, c.NodeUuid, c.Version)), _world.ContainersOf(web).Select(c => (c.Uuid, c.NodeUuid, c.Version)));
        Assert.Equal(3, again.Awaited.Count);
    }

    [Fact]
    public async Task Start_of_a_stopped_service_starts_its_containers_and_fills_it_up_to_its_target()
    {
        var node = _world.AddNode();
        var web = _world.AddService(3, ServiceState.Starting);
        var stopped = _world.AddContainer(web, node, 2, Stopped, ContainerDesire.Stopped);

        await _world.ApplyAsync(_world.Operation(web, ServiceOperationKind.Start));

        Assert.Equal([(1, Starting), (2, Starting), (3, Starting)], _world.ContainersOf(web).Select(c => (c.Number, c.State)));
        Assert.Equal(ContainerDesire.Running, _world.Containers[stopped.Uuid].Desired);
        Assert.Equal(1, _world.Generation(node));
    }

    [Fact]
    public async Task Scale_up_under_HIGH_AVAILABILITY_goes_to_the_nodes_with_fewest_of_the_services_containers()
    {
        var (full, empty) = (_world.AddNode(), _world.AddNode());
        var web = _world.AddService(4, ServiceState.Scaling, DeploymentStrategy.HighAvailability);
        _world.AddContainer(web, full, 1);
        _world.AddContainer(web, full, 2);

        var step = await _world.ApplyAsync(_world.Operation(web, ServiceOperationKind.Scale));

        Assert.Equal([(3, empty.Uuid), (4, empty.Uuid)], _world.ContainersOf(web).Where(c => c.State == Starting).Select(c => (c.Number, c.NodeUuid)));
        Assert.Equal((0, 1), (_world.Generation(full), _world.Generation(empty)));
        Assert.Equal(2, step.Awaited.Count(a => _world.Containers[a.Uuid].State == Starting));
    }

    [Fact]
    public async Task Scale_down_under_HIGH_AVAILABILITY_removes_the_surplus_from_the_fullest_nodes()
    {
        var (a, b) = (_world.AddNode(), _world.AddNode());
        var web = _world.AddService(2, ServiceState.Scaling, DeploymentStrategy.HighAvailability);
        _world.AddContainer(web, a, 1);
        _world.AddContainer(web, b, 2);
        _world.AddContainer(web, a, 3);
        _world.AddContainer(web, a, 4);

        var step = await _world.ApplyAsync(_world.Operation(web, ServiceOperationKind.Scale));

        Assert.Equal([(1, a.Uuid), (2, b.Uuid)], _world.WantedOf(web).Select(c => (c.Number, c.NodeUuid)));
        var leaving = _world.ContainersOf(web).Where(c => c.Desired == ContainerDesire.Removed).ToList();
        Assert.Equal([(3, Terminating), (4, Terminating)], leaving.Select(c => (c.Number, c.State)));
        Assert.Equal((1, 0), (_world.Generation(a), _world.Generation(b)));
        AwaitedAssert.Same(leaving.Select(c => new AwaitedContainer(c.Uuid, ContainerGoal.Gone, 1)), step.Awaited.Where(w => w.Goal == ContainerGoal.Gone));
    }

    [Fact]
    public async Task Scale_down_removes_the_highest_numbers_and_a_retry_removes_no_more()
    {
        var node = _world.AddNode();
        var web = _world.AddService(1, ServiceState.Scaling);
        var kept = _world.AddContainer(web, node, 1);
        _world.AddContainer(web, node, 2);
        _world.AddContainer(web, node, 3);
        var op = _world.Operation(web, ServiceOperationKind.Scale);

        await _world.ApplyAsync(op);
        await _world.ApplyAsync(op);

        Assert.Equal([kept.Uuid], _world.WantedOf(web).Select(c => c.Uuid));
        Assert.Equal(2, _world.ContainersOf(web).Count(c => c.State == Terminating));
    }

    [Fact]
    public async Task Without_an_eligible_node_the_step_reports_why_and_creates_nothing()
    {
        var node = _world.AddNode(NodeState.Deployed, "cpu");
        _world.AddNode(NodeState.Unreachable, "gpu");
        var web = _world.AddService(2, ServiceState.Starting, tags: "gpu");

        var step = await _world.ApplyAsync(_world.Operation(web, ServiceOperationKind.Start));

        Assert.Equal(["No Deployed node carries every tag of the service (gpu)."], step.Failures);
        Assert.Empty(step.Awaited);
        Assert.Empty(_world.ContainersOf(web));
        Assert.Equal(0, _world.Generation(node));
    }

    [Fact]
    public async Task Reschedule_terminates_a_lost_nodes_containers_and_places_them_again_elsewhere_under_the_freed_names()
    {
        var (lost, a, b) = (_world.AddNode(NodeState.Unreachable), _world.AddNode(), _world.AddNode());
        var web = _world.AddService(3, ServiceState.Scaling);
        var stranded = new[] { _world.AddContainer(web, lost, 1), _world.AddContainer(web, lost, 3) };
        var staying = _world.AddContainer(web, a, 2);
        _world.AddContainer(_world.AddService(1, ServiceState.Running, name: "db"), a, 1);
        var op = _world.Operation(web, ServiceOperationKind.Reschedule, node: lost.Uuid);

        var step = await _world.ApplyAsync(op);
        await _world.ApplyAsync(op);

        Assert.All(stranded, c => Assert.Equal((Terminated, (DateTimeOffset?)ServiceWorld.Now), (_world.Containers[c.Uuid].State, _world.Containers[c.Uuid].DestroyedDatetime)));
        var moved = _world.WantedOf(web).Where(c => c.Uuid != staying.Uuid).ToList();
        Assert.Equal([1, 3], moved.Select(c => c.Number));
        Assert.Equal([b.Uuid, b.Uuid], moved.Select(c => c.NodeUuid)); // EMPTIEST_NODE: b was empty, a held web-2 and db-1
        Assert.Equal(moved.Select(c => c.Uuid).Append(staying.Uuid).Order(), step.Awaited.Select(w => w.Uuid).Order());
        Assert.Equal(3, _world.Services[web.Uuid].TargetNumContainers);
    }

    [Fact]
    public async Task An_EVERY_NODE_service_gets_one_container_on_each_eligible_node_and_its_target_follows()
    {
        var nodes = new[] { _world.AddNode(NodeState.Deployed, "edge"), _world.AddNode(NodeState.Deployed, "edge") };
        _world.AddNode();
        var web = _world.AddService(0, ServiceState.Starting, DeploymentStrategy.EveryNode, tags: "edge");

        await _world.ApplyAsync(_world.Operation(web, ServiceOperationKind.Start));

        Assert.Equal(nodes.Select(n => n.Uuid).Order(), _world.WantedOf(web).Select(c => c.NodeUuid).Order());
        Assert.Equal(2, _world.Services[web.Uuid].TargetNumContainers);
    }
}
