using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Application.Tests.ServiceOperations.Support;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Application.Tests.ServiceOperations;

public class ServiceOperationBeginTests
{
    private readonly ServiceWorld _world = new();
    private readonly Node _node;

    public ServiceOperationBeginTests() => _node = _world.AddNode();

    [Fact]
    public async Task Begin_of_a_rolling_redeploy_lists_the_containers_in_number_order_with_their_next_revisions()
    {
        var web = _world.AddService(3, ServiceState.Redeploying);
        _world.Services.Change(web.Uuid, s => s.SequentialDeployment = true);
        var three = _world.AddContainer(web, _node, 3, revision: 2);
        var one = _world.AddContainer(web, _node, 1);
        var two = _world.AddContainer(web, _node, 2, ContainerState.Stopped, ContainerDesire.Stopped);
        _world.AddContainer(web, _node, 4, ContainerState.Terminating, ContainerDesire.Removed);
        var op = _world.Operation(web, ServiceOperationKind.Redeploy);

        var plan = await _world.Activities().BeginAsync(op);

        Assert.Equal(new ServiceOperationPlan(true, plan.Redeploys, 2, 60), plan);
        Assert.Equal([new(one.Uuid, 2), new(two.Uuid, 2), new(three.Uuid, 3)], plan.Redeploys);
        var action = _world.Actions[op.ActionUuid];
        Assert.Equal(ActionState.InProgress, action.State);
        Assert.EndsWith(" Redeploying the 3 containers of service web one at a time.\n", action.Logs);
    }

    [Fact]
    public async Task Begin_of_a_redeploy_at_once_plans_one_step_and_of_a_container_redeploy_that_container_only()
    {
        var web = _world.AddService(2, ServiceState.Redeploying);
        _world.AddContainer(web, _node, 1);
        var two = _world.AddContainer(web, _node, 2);

        var all = await _world.Activities().BeginAsync(_world.Operation(web, ServiceOperationKind.Redeploy));
        var one = await _world.Activities().BeginAsync(_world.Operation(web, ServiceOperationKind.RedeployContainer, two.Uuid));

        Assert.Equal((false, 2, false), (all.Rolling, all.Redeploys.Count, one.Rolling));
        Assert.Equal([new RedeployTarget(two.Uuid, 2)], one.Redeploys);
    }

    [Theory]
    [InlineData(ServiceOperationKind.Start)]
    [InlineData(ServiceOperationKind.Scale)]
    [InlineData(ServiceOperationKind.Stop)]
    [InlineData(ServiceOperationKind.Terminate)]
    public async Task Begin_of_any_other_operation_plans_no_redeploys(ServiceOperationKind kind)
    {
        var web = _world.AddService(1, ServiceState.Running);
        _world.Services.Change(web.Uuid, s => s.SequentialDeployment = true);
        _world.AddContainer(web, _node, 1);

        var plan = await _world.Activities().BeginAsync(_world.Operation(web, kind));

        Assert.Equal((false, 0), (plan.Rolling, plan.Redeploys.Count));
    }

    [Fact]
    public async Task Begin_refuses_an_operation_that_does_not_hold_the_services_slot()
    {
        var web = _world.AddService(1, ServiceState.Running);
        var stale = _world.Operation(web, ServiceOperationKind.Start);
        _world.Operation(web, ServiceOperationKind.Stop);

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => _world.Activities().BeginAsync(stale));

        Assert.Contains("is not held by this operation", refusal.Message);
        Assert.Equal(ActionState.Pending, _world.Actions[stale.ActionUuid].State);
    }
}
