using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Application.Tests.ServiceOperations.Support;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.Placement;
using FunctionsCloud.Domain.Services;
using static FunctionsCloud.Domain.Containers.ContainerState;

namespace FunctionsCloud.Application.Tests.ServiceOperations;

/// <summary>The steps that change containers the service has: stop, redeploy, terminate, and those of one container.</summary>
public class ServiceStepsIntentTests
{
    private readonly ServiceWorld _world = new();
    private readonly Node _a;
    private readonly Node _b;

    public ServiceStepsIntentTests()
    {
        _a = _world.AddNode();
        _b = _world.AddNode();
    }

    [Fact]
    public async Task Stop_wants_every_container_stopped_and_tells_only_the_nodes_whose_containers_changed()
    {
        var web = _world.AddService(2, ServiceState.Stopping);
        var running = _world.AddContainer(web, _a, 1);
        var stopped = _world.AddContainer(web, _b, 2, Stopped, ContainerDesire.Stopped);

        var step = await _world.ApplyAsync(_world.Operation(web, ServiceOperationKind.Stop));

        Assert.Equal([(Stopping, ContainerDesire.Stopped), (Stopped, ContainerDesire.Stopped)], _world.ContainersOf(web).Select(c => (c.State, c.Desired)));
        Assert.Equal((1, 0), (_world.Generation(_a), _world.Generation(_b)));
        AwaitedAssert.Same([new(running.Uuid, ContainerGoal.Stopped, 1), new(stopped.Uuid, ContainerGoal.Stopped, 1)], step.Awaited);
    }

    [Fact]
    public async Task Redeploy_gives_each_target_its_new_revision_and_the_services_current_spec_once_even_when_retried()
    {
        var web = _world.AddService(2, ServiceState.Redeploying);
        var one = _world.AddContainer(web, _a, 1);
        var two = _world.AddContainer(web, _b, 2);
        _world.Services.Change(web.Uuid, s => s.ImageName = "busybox:2");
        var op = _world.Operation(web, ServiceOperationKind.Redeploy);
        RedeployTarget[] targets = [new(one.Uuid, 2), new(two.Uuid, 2)];

        await _world.ApplyAsync(op, targets);
        var step = await _world.ApplyAsync(op, targets);

        Assert.All(_world.ContainersOf(web), c => Assert.Equal((2, Starting, "busybox:2"), (c.Revision, c.State, c.Spec.Image)));
        Assert.Equal([new(one.Uuid, ContainerGoal.Running, 2), new(two.Uuid, ContainerGoal.Running, 2)], step.Awaited);
    }

    [Fact]
    public async Task A_rolling_step_redeploys_its_one_target_only()
    {
        var web = _world.AddService(2, ServiceState.Redeploying);
        var one = _world.AddContainer(web, _a, 1);
        _world.AddContainer(web, _b, 2);

        await _world.ApplyAsync(_world.Operation(web, ServiceOperationKind.Redeploy), new RedeployTarget(one.Uuid, 2));

        Assert.Equal([(2, Starting), (1, Running)], _world.ContainersOf(web).Select(c => (c.Revision, c.State)));
        Assert.Equal((1, 0), (_world.Generation(_a), _world.Generation(_b)));
    }

    [Fact]
    public async Task Terminate_ends_the_containers_of_an_unreachable_node_at_once_and_leaves_the_others_to_their_agents()
    {
        var lost = _world.AddNode(NodeState.Unreachable);
        var web = _world.AddService(2, ServiceState.Terminating);
        var stranded = _world.AddContainer(web, lost, 1);
        var reachable = _world.AddContainer(web, _a, 2);

        var step = await _world.ApplyAsync(_world.Operation(web, ServiceOperationKind.Terminate));

        Assert.Equal((Terminated, (DateTimeOffset?)ServiceWorld.Now), (_world.Containers[stranded.Uuid].State, _world.Containers[stranded.Uuid].DestroyedDatetime));
        Assert.Equal((Terminating, ContainerDesire.Removed), (_world.Containers[reachable.Uuid].State, _world.Containers[reachable.Uuid].Desired));
        AwaitedAssert.Same([new(stranded.Uuid, ContainerGoal.Gone, 1), new(reachable.Uuid, ContainerGoal.Gone, 1)], step.Awaited);
        Assert.Equal(1, _world.Generation(_a));
    }

    [Fact]
    public async Task Terminating_a_container_takes_it_off_its_node_and_keeps_the_target_the_request_lowered_even_when_retried()
    {
        var web = _world.AddService(1, ServiceState.Scaling); // 2 before the request lowered it
        var kept = _world.AddContainer(web, _a, 1);
        var gone = _world.AddContainer(web, _b, 2);
        var op = _world.Operation(web, ServiceOperationKind.TerminateContainer, gone.Uuid);

        await _world.ApplyAsync(op);
        var step = await _world.ApplyAsync(op);

        Assert.Equal((Terminating, ContainerDesire.Removed), (_world.Containers[gone.Uuid].State, _world.Containers[gone.Uuid].Desired));
        Assert.Equal((Running, 1), (_world.Containers[kept.Uuid].State, _world.Services[web.Uuid].TargetNumContainers));
        Assert.Equal([new AwaitedContainer(gone.Uuid, ContainerGoal.Gone, 1)], step.Awaited);
    }

    [Fact]
    public async Task Terminating_a_container_of_an_EVERY_NODE_service_sets_its_target_to_the_containers_left()
    {
        var web = _world.AddService(2, ServiceState.Scaling, DeploymentStrategy.EveryNode);
        _world.AddContainer(web, _a, 1);
        var gone = _world.AddContainer(web, _b, 2);
        var op = _world.Operation(web, ServiceOperationKind.TerminateContainer, gone.Uuid);

        await _world.ApplyAsync(op);
        await _world.ApplyAsync(op);

        Assert.Equal(1, _world.Services[web.Uuid].TargetNumContainers);
    }

    [Theory]
    [InlineData(ServiceOperationKind.StartContainer, Stopped, Starting)]
    [InlineData(ServiceOperationKind.StopContainer, Running, Stopping)]
    public async Task A_container_operation_changes_its_container_only(ServiceOperationKind kind, ContainerState from, ContainerState to)
    {
        var web = _world.AddService(2, ServiceState.Scaling);
        var target = _world.AddContainer(web, _a, 1, from, from == Stopped ? ContainerDesire.Stopped : ContainerDesire.Running);
        var other = _world.AddContainer(web, _b, 2, from, from == Stopped ? ContainerDesire.Stopped : ContainerDesire.Running);

        var step = await _world.ApplyAsync(_world.Operation(web, kind, target.Uuid));

        Assert.Equal((to, from), (_world.Containers[target.Uuid].State, _world.Containers[other.Uuid].State));
        Assert.Equal((1, 0), (_world.Generation(_a), _world.Generation(_b)));
        Assert.Equal(target.Uuid, Assert.Single(step.Awaited).Uuid);
    }
}
