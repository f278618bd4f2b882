using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.Operations;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Application.Tests.Actions;
using FunctionsCloud.Application.Tests.ServiceOperations.Support;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Resources;
using FunctionsCloud.Domain.Services;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.Tests.Operations;

/// <summary>A terminate asked for while another operation holds the service takes its slot over and cancels that operation.</summary>
public sealed class OperationTakeoverTests
{
    private static readonly Caller Carol = new("carol", ServiceWorld.Namespace, IsAdmin: false, Domain.Accounts.Role.Operator);
    private static readonly RequestInfo Delete = new("DELETE", "/api/app/v1/service/x/", "10.0.0.9");
    private readonly ActionWorld _actions = new();

    [Fact]
    public async Task A_terminate_takes_the_slot_from_a_running_stop_tells_its_orchestration_and_waits_for_it()
    {
        var web = _actions.World.AddService(2, ServiceState.Stopping);
        var stop = _actions.Running(web, ServiceOperationKind.Stop);
        _actions.InstanceStatus = OrchestrationRuntimeStatus.Running;

        var (service, terminate) = await _actions.Services().TerminateAsync(Carol, Delete, web.Uuid, _actions.Durable(), CancellationToken.None);

        Assert.Equal(("Terminating", ResourceUris.Action(terminate.Uuid)), (service.State, service.CurrentAction));
        var input = Assert.IsType<ServiceOperationInput>(Assert.Single(_actions.Scheduled));
        Assert.Equal((ServiceOperationKind.Terminate, (Guid?)stop.Uuid), (input.Kind, input.Predecessor));
        var canceled = _actions.World.Actions[stop.Uuid];
        Assert.Equal(ActionState.Canceling, canceled.State);
        Assert.Contains($"terminated by {ResourceUris.Action(terminate.Uuid)}", canceled.Logs);
        Assert.Equal([(stop.Uuid.ToString("D"), OperationCancellation.EventName)], _actions.Raised);
        Assert.Contains($"{ResourceUris.Action(stop.Uuid)} was in flight", _actions.World.Actions[terminate.Uuid].Logs);
        var takeover = new OperationTakeover(_actions.World.Actions, new Application.Actions.ActionJournal(_actions.World.Actions, TimeProvider.System), TimeProvider.System);
        Assert.False(await takeover.HasEndedAsync(new PredecessorQuery(ServiceWorld.Namespace, stop.Uuid)));
    }

    [Fact]
    public async Task An_operation_whose_orchestration_is_gone_ends_canceled_at_once()
    {
        var web = _actions.World.AddService(2, ServiceState.Redeploying);
        var redeploy = _actions.Running(web, ServiceOperationKind.Redeploy);
        _actions.InstanceStatus = null;

        await _actions.Services().TerminateAsync(Carol, Delete, web.Uuid, _actions.Durable(), CancellationToken.None);

        Assert.Equal(ActionState.Canceled, _actions.World.Actions[redeploy.Uuid].State);
        Assert.Empty(_actions.Raised);
    }

    [Fact]
    public async Task A_terminate_in_flight_is_not_taken_over_and_nothing_changes()
    {
        var web = _actions.World.AddService(2, ServiceState.Terminating);
        var first = _actions.Running(web, ServiceOperationKind.Terminate);

        var refused = await Assert.ThrowsAsync<OperationInProgressException>(() =>
            _actions.Services().TerminateAsync(Carol, Delete, web.Uuid, _actions.Durable(), CancellationToken.None));

        Assert.Equal(first.Uuid, refused.ActionUuid);
        Assert.Equal(ActionState.InProgress, _actions.World.Actions[first.Uuid].State);
        Assert.Empty(_actions.Scheduled);
    }
}
