using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.Operations;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Application.Tests.ServiceOperations.Support;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Services;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.Tests.Actions;

public sealed class ActionCancellationTests
{
    private static readonly Caller Carol = new("carol", ServiceWorld.Namespace, IsInstallationAdmin: false, Domain.Accounts.Role.Operator);
    private readonly ActionWorld _actions = new();

    [Fact]
    public async Task A_running_operation_is_told_through_its_orchestration_and_stays_canceling_until_it_settles()
    {
        var service = _actions.World.AddService(2, ServiceState.Stopping);
        var action = _actions.Running(service, ServiceOperationKind.Stop);
        _actions.InstanceStatus = OrchestrationRuntimeStatus.Running;

        var canceled = await _actions.Cancellation().CancelAsync(Carol, action.Uuid, _actions.Durable(), CancellationToken.None);

        Assert.Equal((ActionState.Canceling, false), (canceled.State, canceled.CanBeCanceled));
        Assert.Contains("Cancel requested by carol", canceled.Logs);
        Assert.Equal([(action.Uuid.ToString("D"), OperationCancellation.EventName)], _actions.Raised);
        Assert.Equal(action.Uuid, _actions.World.Services[service.Uuid].ActiveAction);
    }

    [Fact]
    public async Task An_operation_whose_orchestration_is_gone_is_settled_at_once_and_ends_canceled()
    {
        var service = _actions.World.AddService(2, ServiceState.Stopping);
        var action = _actions.Running(service, ServiceOperationKind.Stop);
        _actions.InstanceStatus = null;

        var canceled = await _actions.Cancellation().CancelAsync(Carol, action.Uuid, _actions.Durable(), CancellationToken.None);

        Assert.Equal((ActionState.Canceled, true), (canceled.State, canceled.CanBeRetried));
        Assert.Contains("Canceled. The service is Stopped", canceled.Logs);
        Assert.Empty(_actions.Raised);
        var settled = _actions.World.Services[service.Uuid];
        Assert.Equal((null, ServiceState.Stopped), (settled.ActiveAction, settled.State));
    }

    [Fact]
    public async Task A_terminate_a_finished_action_and_another_namespaces_action_are_refused_and_nothing_changes()
    {
        var terminating = _actions.World.AddService(1, ServiceState.Terminating);
        var terminate = _actions.Running(terminating, ServiceOperationKind.Terminate);
        var failed = await _actions.FailedAsync(_actions.World.AddService(1, ServiceState.PartlyRunning, name: "api"), ServiceOperationKind.Stop);
        var cancellation = _actions.Cancellation();

        var runsToItsEnd = await Assert.ThrowsAsync<ResourceConflictException>(() => cancellation.CancelAsync(Carol, terminate.Uuid, _actions.Durable(), default));
        var ended = await Assert.ThrowsAsync<ResourceConflictException>(() => cancellation.CancelAsync(Carol, failed.Uuid, _actions.Durable(), default));
        await Assert.ThrowsAsync<ResourceNotFoundException>(() =>
            cancellation.CancelAsync(Carol with { Namespace = "elsewhere" }, failed.Uuid, _actions.Durable(), default));

        Assert.Contains("Service Terminate cannot be canceled", runsToItsEnd.Message);
        Assert.Contains("Failed and cannot be canceled", ended.Message);
        Assert.Equal((ActionState.InProgress, ActionState.Failed), (_actions.World.Actions[terminate.Uuid].State, _actions.World.Actions[failed.Uuid].State));
        Assert.Empty(_actions.Raised);
    }
}
