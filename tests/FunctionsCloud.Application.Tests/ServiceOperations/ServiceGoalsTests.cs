using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Application.Tests.ServiceOperations.Support;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Services;
using static FunctionsCloud.Application.ServiceOperations.ContainerGoal;
using static FunctionsCloud.Application.ServiceOperations.ServiceOperationKind;

namespace FunctionsCloud.Application.Tests.ServiceOperations;

/// <summary>What each kind of step waits for, given web-1..web-5 as a step may leave them.</summary>
public class ServiceGoalsTests
{
    private readonly Service _web;
    private readonly Container _starting;
    private readonly Container _running;
    private readonly Container _stopped;
    private readonly Container _leaving;
    private readonly Container _gone;
    private readonly IReadOnlyList<Container> _all;

    public ServiceGoalsTests()
    {
        var world = new ServiceWorld();
        _web = world.AddService(3, ServiceState.Running);
        var node = world.AddNode();
        _starting = world.AddContainer(_web, node, 1, ContainerState.Starting, revision: 2);
        _running = world.AddContainer(_web, node, 2);
        _stopped = world.AddContainer(_web, node, 3, ContainerState.Stopping, ContainerDesire.Stopped);
        _leaving = world.AddContainer(_web, node, 4, ContainerState.Terminating, ContainerDesire.Removed);
        _gone = world.AddContainer(_web, node, 5, ContainerState.Terminated, ContainerDesire.Removed);
        _all = [_starting, _running, _stopped, _leaving, _gone];
    }

    [Theory]
    [InlineData(Start)]
    [InlineData(Scale)]
    [InlineData(Reschedule)]
    public void Converging_steps_wait_for_every_container_meant_to_run_to_run_and_every_one_leaving_to_go(ServiceOperationKind kind) =>
        Assert.Equal(
            [new(_starting.Uuid, Running, 2), new(_running.Uuid, Running, 1), new(_leaving.Uuid, Gone, 1)],
            Goals(kind));

    [Fact]
    public void A_stop_waits_for_every_live_container_meant_to_be_stopped() =>
        Assert.Equal([new AwaitedContainer(_stopped.Uuid, Stopped, 1)], Goals(Stop));

    [Theory]
    [InlineData(Redeploy)]
    [InlineData(RedeployContainer)]
    public void A_redeploy_waits_for_its_targets_to_run_at_their_new_revisions(ServiceOperationKind kind)
    {
        RedeployTarget[] targets = [new(_running.Uuid, 2), new(_stopped.Uuid, 2)];

        Assert.Equal([new(_running.Uuid, Running, 2), new(_stopped.Uuid, Running, 2)], ServiceGoals.For(Op(kind), targets, _all, _all));
    }

    [Fact]
    public void A_terminate_waits_for_every_container_that_was_live_before_it_to_go()
    {
        IReadOnlyList<Container> before = [_running, _gone];

        Assert.Equal([new AwaitedContainer(_running.Uuid, Gone, 1)], ServiceGoals.For(Op(Terminate), [], before, _all));
    }

    [Theory]
    [InlineData(StartContainer, Running)]
    [InlineData(StopContainer, Stopped)]
    [InlineData(TerminateContainer, Gone)]
    public void A_container_operation_waits_for_its_container_only(ServiceOperationKind kind, ContainerGoal goal) =>
        Assert.Equal([new AwaitedContainer(_running.Uuid, goal, 1)], Goals(kind, _running.Uuid));

    [Fact]
    public void A_container_operation_on_a_container_that_is_gone_waits_for_nothing() =>
        Assert.Empty(Goals(StartContainer, Guid.NewGuid()));

    private List<AwaitedContainer> Goals(ServiceOperationKind kind, Guid? container = null) =>
        ServiceGoals.For(Op(kind, container), [], _all, _all).ToList();

    private ServiceOperationInput Op(ServiceOperationKind kind, Guid? container = null) =>
        new(ServiceWorld.Namespace, _web.Uuid, Guid.NewGuid(), kind, container);
}
