using FunctionsCloud.Application.Actions;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.Containers;
using FunctionsCloud.Application.Operations;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Application.Tests.Actions;
using FunctionsCloud.Application.Tests.ServiceOperations.Support;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Resources;
using FunctionsCloud.Domain.Services;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.Tests.Operations;

/// <summary>
/// A terminate asked for while another operation holds the service: it takes the slot over from what it supersedes
/// (the request only takes the slot; the terminate's orchestration cancels the operation first), answers a terminate
/// of the same object sent again with the one in flight, and refuses everything else with 409.
/// </summary>
public sealed class OperationTakeoverTests
{
    private static readonly Caller Carol = new("carol", ServiceWorld.Namespace, IsInstallationAdmin: false, Domain.Accounts.Role.Operator);
    private static readonly RequestInfo Delete = new("DELETE", "/api/app/v1/service/x/", "10.0.0.9");
    private readonly ActionWorld _actions = new();

    [Fact]
    public async Task A_terminate_takes_the_slot_from_a_running_stop_and_its_orchestration_cancels_it_first()
    {
        var web = _actions.World.AddService(2, ServiceState.Stopping);
        var stop = _actions.Running(web, ServiceOperationKind.Stop);
        _actions.InstanceStatus = OrchestrationRuntimeStatus.Running;

        var (service, terminate) = await _actions.Services().TerminateAsync(Carol, Delete, web.Uuid, _actions.Durable(), CancellationToken.None);

        Assert.Equal(("Terminating", ResourceUris.Action(terminate.Uuid)), (service.State, service.CurrentAction));
        var input = Assert.IsType<ServiceOperationInput>(Assert.Single(_actions.Scheduled));
        Assert.Equal((ServiceOperationKind.Terminate, (Guid?)stop.Uuid), (input.Kind, input.Predecessor));
        Assert.Equal(ActionState.InProgress, _actions.World.Actions[stop.Uuid].State); // the request itself cancels nothing
        Assert.Empty(_actions.Raised);

        var ended = await Takeover().CancelAsync(new PredecessorQuery(ServiceWorld.Namespace, stop.Uuid, terminate.Uuid), _actions.Durable());

        Assert.False(ended);
        var canceled = _actions.World.Actions[stop.Uuid];
        Assert.Equal(ActionState.Canceling, canceled.State);
        Assert.Contains("Cancel requested by carol", canceled.Logs);
        Assert.Contains($"terminated by {ResourceUris.Action(terminate.Uuid)}", canceled.Logs);
        Assert.Equal([(stop.Uuid.ToString("D"), OperationCancellation.TakenOverEvent), (stop.Uuid.ToString("D"), OperationCancellation.EventName)], _actions.Raised);
        Assert.Contains($"{ResourceUris.Action(stop.Uuid)} was in flight: it is canceled", _actions.World.Actions[terminate.Uuid].Logs);
    }

    [Fact]
    public async Task Canceling_again_as_a_redelivery_does_writes_each_line_once()
    {
        var (stop, terminate) = await TerminateDuringStopAsync();
        var query = new PredecessorQuery(ServiceWorld.Namespace, stop.Uuid, terminate.Uuid);

        await Takeover().CancelAsync(query, _actions.Durable());
        await Takeover().CancelAsync(query, _actions.Durable());

        Assert.Single(Lines(_actions.World.Actions[stop.Uuid].Logs, "terminated by"));
        Assert.Single(Lines(_actions.World.Actions[terminate.Uuid].Logs, "was in flight"));
    }

    [Fact]
    public async Task An_operation_being_canceled_already_is_not_said_to_be_canceled_by_the_terminate()
    {
        var (stop, terminate) = await TerminateDuringStopAsync(canceledBy: "dave");

        await Takeover().CancelAsync(new PredecessorQuery(ServiceWorld.Namespace, stop.Uuid, terminate.Uuid), _actions.Durable());

        var canceled = _actions.World.Actions[stop.Uuid];
        Assert.Contains("Cancel requested by dave", canceled.Logs);
        Assert.DoesNotContain("Cancel requested by carol", canceled.Logs);
        Assert.DoesNotContain("terminated by", canceled.Logs);
        var logs = _actions.World.Actions[terminate.Uuid].Logs;
        Assert.Contains("was being canceled already", logs);
        Assert.DoesNotContain("it is canceled", logs);
    }

    [Fact]
    public async Task An_operation_whose_orchestration_is_gone_ends_canceled_at_once()
    {
        var web = _actions.World.AddService(2, ServiceState.Redeploying);
        var redeploy = _actions.Running(web, ServiceOperationKind.Redeploy);
        _actions.InstanceStatus = null;
        var (_, terminate) = await _actions.Services().TerminateAsync(Carol, Delete, web.Uuid, _actions.Durable(), CancellationToken.None);

        var ended = await Takeover().CancelAsync(new PredecessorQuery(ServiceWorld.Namespace, redeploy.Uuid, terminate.Uuid), _actions.Durable());

        Assert.True(ended);
        Assert.Equal(ActionState.Canceled, _actions.World.Actions[redeploy.Uuid].State);
        Assert.Empty(_actions.Raised);
    }

    [Fact]
    public async Task A_terminate_sent_again_is_answered_with_the_one_in_flight_and_nothing_changes()
    {
        var web = _actions.World.AddService(2, ServiceState.Terminating);
        var first = _actions.Running(web, ServiceOperationKind.Terminate);

        var (_, again) = await _actions.Services().TerminateAsync(Carol, Delete, web.Uuid, _actions.Durable(), CancellationToken.None);

        Assert.Equal(first.Uuid, again.Uuid);
        Assert.Equal(ActionState.InProgress, _actions.World.Actions[first.Uuid].State);
        Assert.Empty(_actions.Scheduled);
    }

    [Fact]
    public async Task A_container_terminate_sent_again_is_answered_with_the_one_in_flight_and_lowers_the_target_once()
    {
        var web = _actions.World.AddService(3, ServiceState.Running);
        var node = _actions.World.AddNode();
        var a = _actions.World.AddContainer(web, node, 1);

        var (_, first) = await Containers().TerminateAsync(Carol, Delete, a.Uuid, _actions.Durable(), CancellationToken.None);
        _actions.World.Actions.Change(first.Uuid, r => r.MoveTo(ActionState.InProgress));
        var (_, again) = await Containers().TerminateAsync(Carol, Delete, a.Uuid, _actions.Durable(), CancellationToken.None);

        Assert.Equal(first.Uuid, again.Uuid);
        Assert.False(first.CanBeCanceled);
        Assert.Equal(2, _actions.World.Services[web.Uuid].TargetNumContainers);
        Assert.Single(_actions.Scheduled);
    }

    [Fact]
    public async Task A_terminate_of_another_container_while_one_is_terminated_is_refused_and_changes_nothing()
    {
        var web = _actions.World.AddService(3, ServiceState.Running);
        var node = _actions.World.AddNode();
        var (a, b) = (_actions.World.AddContainer(web, node, 1), _actions.World.AddContainer(web, node, 2));
        var (_, first) = await Containers().TerminateAsync(Carol, Delete, a.Uuid, _actions.Durable(), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<OperationInProgressException>(() =>
            Containers().TerminateAsync(Carol, Delete, b.Uuid, _actions.Durable(), CancellationToken.None));

        Assert.Equal(first.Uuid, refused.ActionUuid);
        Assert.Equal(2, _actions.World.Services[web.Uuid].TargetNumContainers);
        Assert.Equal(ActionState.Pending, _actions.World.Actions[first.Uuid].State);
        Assert.Single(_actions.Scheduled);
    }

    [Fact]
    public async Task A_container_terminate_never_cancels_a_reschedule_of_the_system()
    {
        var web = _actions.World.AddService(2, ServiceState.Scaling);
        var a = _actions.World.AddContainer(web, _actions.World.AddNode(), 1);
        var reschedule = _actions.Running(web, ServiceOperationKind.Reschedule);

        var refused = await Assert.ThrowsAsync<OperationInProgressException>(() =>
            Containers().TerminateAsync(Carol, Delete, a.Uuid, _actions.Durable(), CancellationToken.None));

        Assert.Equal(reschedule.Uuid, refused.ActionUuid);
        Assert.Equal(ActionState.InProgress, _actions.World.Actions[reschedule.Uuid].State);
        Assert.Equal(2, _actions.World.Services[web.Uuid].TargetNumContainers);
    }

    [Fact]
    public async Task A_container_terminate_takes_over_from_its_own_start_but_not_from_another_containers()
    {
        var web = _actions.World.AddService(2, ServiceState.Running);
        var node = _actions.World.AddNode();
        var (a, b) = (_actions.World.AddContainer(web, node, 1), _actions.World.AddContainer(web, node, 2));
        var startOfB = _actions.World.Operation(web, ServiceOperationKind.StartContainer, b.Uuid).ActionUuid;
        _actions.World.Actions.Change(startOfB, r => r.CanBeCanceled = true);

        await Assert.ThrowsAsync<OperationInProgressException>(() => Containers().TerminateAsync(Carol, Delete, a.Uuid, _actions.Durable(), CancellationToken.None));
        var (_, terminate) = await Containers().TerminateAsync(Carol, Delete, b.Uuid, _actions.Durable(), CancellationToken.None);

        var input = Assert.IsType<ServiceOperationInput>(Assert.Single(_actions.Scheduled));
        Assert.Equal((terminate.Uuid, (Guid?)startOfB), (input.ActionUuid, input.Predecessor));
    }

    [Fact]
    public async Task A_scale_asked_for_while_the_patchs_scale_is_in_flight_is_answered_with_it()
    {
        var web = _actions.World.AddService(2, ServiceState.Running);
        var (_, patched) = await _actions.Services().PatchAsync(Carol, Delete, web.Uuid, new Application.Services.PatchServiceRequest { TargetNumContainers = 4 },
            _actions.Durable(), CancellationToken.None);
        _actions.World.Actions.Change(patched!.Uuid, r => r.MoveTo(ActionState.InProgress));

        var (service, scale) = await _actions.Services().ScaleAsync(Carol, Delete, web.Uuid, _actions.Durable(), CancellationToken.None);

        Assert.Equal(patched.Uuid, scale.Uuid);
        Assert.Equal(4, service.TargetNumContainers);
        Assert.Single(_actions.Scheduled);
    }

    [Fact]
    public async Task A_scale_asked_for_while_another_operation_is_in_flight_is_refused()
    {
        var web = _actions.World.AddService(2, ServiceState.Redeploying);
        var redeploy = _actions.Running(web, ServiceOperationKind.Redeploy);

        var refused = await Assert.ThrowsAsync<OperationInProgressException>(() =>
            _actions.Services().ScaleAsync(Carol, Delete, web.Uuid, _actions.Durable(), CancellationToken.None));

        Assert.Equal(redeploy.Uuid, refused.ActionUuid);
    }

    /// <summary>A stop in flight (canceled already by someone, if given), and the terminate that took its service over.</summary>
    private async Task<(ActionRecord Stop, ActionRecord Terminate)> TerminateDuringStopAsync(string? canceledBy = null)
    {
        var web = _actions.World.AddService(2, ServiceState.Stopping);
        var stop = _actions.Running(web, ServiceOperationKind.Stop);
        if (canceledBy is not null)
            _actions.World.Actions.Change(stop.Uuid, a => a.RequestCancel(ServiceWorld.Now, canceledBy));
        _actions.InstanceStatus = OrchestrationRuntimeStatus.Running;
        var (_, terminate) = await _actions.Services().TerminateAsync(Carol, Delete, web.Uuid, _actions.Durable(), CancellationToken.None);
        return (stop, terminate);
    }

    private ContainerService Containers() => new(_actions.World.Containers, _actions.World.Starter());

    private OperationTakeover Takeover() =>
        new(_actions.World.Actions, new ActionJournal(_actions.World.Actions, TimeProvider.System), TimeProvider.System);

    private static IEnumerable<string> Lines(string logs, string text) => logs.Split('\n').Where(l => l.Contains(text, StringComparison.Ordinal));
}
