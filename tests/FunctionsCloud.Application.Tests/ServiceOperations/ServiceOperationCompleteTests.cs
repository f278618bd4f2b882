using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Application.Tests.ServiceOperations.Support;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.Services;
using static FunctionsCloud.Domain.Containers.ContainerState;

namespace FunctionsCloud.Application.Tests.ServiceOperations;

public class ServiceOperationCompleteTests
{
    private readonly ServiceWorld _world = new();
    private readonly Node _node;

    public ServiceOperationCompleteTests() => _node = _world.AddNode();

    [Theory]
    [InlineData(ServiceOperationKind.Start, ServiceState.Starting, Running, Running, "Running")]
    [InlineData(ServiceOperationKind.Start, ServiceState.Starting, Running, Stopped, "Partly running")]
    [InlineData(ServiceOperationKind.Scale, ServiceState.Scaling, Starting, Stopped, "Not running")]
    [InlineData(ServiceOperationKind.Redeploy, ServiceState.Redeploying, Running, Running, "Running")]
    public async Task Complete_settles_the_service_by_its_running_containers_and_frees_its_slot(
        ServiceOperationKind kind, ServiceState busy, ContainerState first, ContainerState second, string settled)
    {
        var web = _world.AddService(2, busy);
        _world.AddContainer(web, _node, 1, first);
        _world.AddContainer(web, _node, 2, second);
        var op = _world.Operation(web, kind);

        var state = await _world.Activities().CompleteAsync(new ServiceCompletionInput(op, [], null));

        var stored = _world.Services[web.Uuid];
        Assert.Equal((settled, settled, (Guid?)null), (state, Domain.States.ApiNames.Of(stored.State), stored.ActiveAction));
        Assert.Equal(first == Running ? ServiceWorld.Now : null, stored.DeployedDatetime);
        Assert.Equal(ActionState.Success, _world.Actions[op.ActionUuid].State);
    }

    [Fact]
    public async Task Complete_of_a_stop_settles_Stopped()
    {
        var web = _world.AddService(2, ServiceState.Stopping);
        _world.AddContainer(web, _node, 1, Stopped, ContainerDesire.Stopped);
        _world.AddContainer(web, _node, 2, Stopped, ContainerDesire.Stopped);

        Assert.Equal("Stopped", await _world.Activities().CompleteAsync(new ServiceCompletionInput(_world.Operation(web, ServiceOperationKind.Stop), [], null)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task Complete_of_a_stop_of_a_service_without_containers_settles_Stopped(int target)
    {
        var web = _world.AddService(target, ServiceState.Stopping);

        Assert.Equal("Stopped", await _world.Activities().CompleteAsync(new ServiceCompletionInput(_world.Operation(web, ServiceOperationKind.Stop), [], null)));
    }

    [Fact]
    public async Task Complete_of_a_terminate_ends_the_service_Terminated()
    {
        var web = _world.AddService(1, ServiceState.Terminating);
        _world.AddContainer(web, _node, 1, Terminated, ContainerDesire.Removed);

        await _world.Activities().CompleteAsync(new ServiceCompletionInput(_world.Operation(web, ServiceOperationKind.Terminate), [], null));

        var stored = _world.Services[web.Uuid];
        Assert.Equal((ServiceState.Terminated, (DateTimeOffset?)ServiceWorld.Now, (Guid?)null), (stored.State, stored.DestroyedDatetime, stored.ActiveAction));
    }

    [Fact]
    public async Task Complete_with_failures_fails_the_action_and_says_where_the_service_stands()
    {
        var web = _world.AddService(2, ServiceState.Starting);
        _world.AddContainer(web, _node, 1);
        var op = _world.Operation(web, ServiceOperationKind.Start);

        await _world.Activities().CompleteAsync(new ServiceCompletionInput(op, ["web-2 on node x: it exited with code 1."], "Apply failed."));

        var action = _world.Actions[op.ActionUuid];
        Assert.Equal((ActionState.Failed, (DateTimeOffset?)ServiceWorld.Now), (action.State, action.EndDate));
        Assert.EndsWith(" Failed: Apply failed. The service is Partly running: 1 of 2 containers running.\n", action.Logs);
    }

    [Fact]
    public async Task A_second_complete_changes_nothing()
    {
        var web = _world.AddService(1, ServiceState.Starting);
        _world.AddContainer(web, _node, 1);
        var op = _world.Operation(web, ServiceOperationKind.Start);
        var completion = new ServiceCompletionInput(op, [], null);
        await _world.Activities().CompleteAsync(completion);
        var (service, action) = (_world.Services[web.Uuid], _world.Actions[op.ActionUuid]);

        var again = await _world.Activities().CompleteAsync(completion);

        Assert.Equal("Running", again);
        Assert.Equal(service.Version, _world.Services[web.Uuid].Version);
        var after = _world.Actions[op.ActionUuid];
        Assert.Equal((action.State, action.EndDate, action.Logs), (after.State, after.EndDate, after.Logs));
    }

    [Fact]
    public async Task Complete_of_an_operation_that_no_longer_holds_the_slot_leaves_the_service_to_the_one_that_does()
    {
        var web = _world.AddService(1, ServiceState.Starting);
        var earlier = _world.Operation(web, ServiceOperationKind.Start);
        var holder = _world.Operation(web, ServiceOperationKind.Stop);

        await _world.Activities().CompleteAsync(new ServiceCompletionInput(earlier, [], null));

        Assert.Equal((ServiceState.Starting, (Guid?)holder.ActionUuid), (_world.Services[web.Uuid].State, _world.Services[web.Uuid].ActiveAction));
    }
}
