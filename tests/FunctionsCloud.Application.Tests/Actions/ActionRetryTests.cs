using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Application.Tests.ServiceOperations.Support;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Resources;
using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Application.Tests.Actions;

public sealed class ActionRetryTests
{
    private static readonly Caller Carol = new("carol", ServiceWorld.Namespace, IsInstallationAdmin: false, Domain.Accounts.Role.Operator);
    private static readonly RequestInfo Request = new("POST", "/api/audit/v1/action/x/retry/", "10.0.0.9");
    private readonly ActionWorld _actions = new();

    [Fact]
    public async Task A_failed_stop_runs_again_as_a_new_action_of_the_caller_through_the_starter_once()
    {
        var service = _actions.World.AddService(2, ServiceState.PartlyRunning);
        _actions.World.AddContainer(service, _actions.World.AddNode(), 1);
        var failed = await _actions.FailedAsync(service, ServiceOperationKind.Stop);
        Assert.True(failed.CanBeRetried);
        var retry = _actions.Retry();

        var again = await retry.RetryAsync(Carol, Request, failed.Uuid, _actions.Durable(), CancellationToken.None);

        Assert.Equal(("Service Stop", failed.Object, "POST", Request.Path, "carol", true),
            (again.Action, again.Object, again.Method, again.Path, again.User, again.CanBeCanceled));
        var input = Assert.IsType<ServiceOperationInput>(Assert.Single(_actions.Scheduled));
        Assert.Equal((ServiceOperationKind.Stop, service.Uuid, again.Uuid), (input.Kind, input.ServiceUuid, input.ActionUuid));
        Assert.Equal((again.Uuid, ServiceState.Stopping), (_actions.World.Services[service.Uuid].ActiveAction, _actions.World.Services[service.Uuid].State));
        var old = _actions.World.Actions[failed.Uuid];
        Assert.False(old.CanBeRetried);
        Assert.Contains($"Retried as {ResourceUris.Action(again.Uuid)} by carol", old.Logs);
        Assert.Contains($"Retry of {ResourceUris.Action(failed.Uuid)}", _actions.World.Actions[again.Uuid].Logs);
        var twice = await Assert.ThrowsAsync<ResourceConflictException>(() => retry.RetryAsync(Carol, Request, failed.Uuid, _actions.Durable(), default));
        Assert.Contains("retried already", twice.Message);
    }

    [Fact]
    public async Task A_busy_service_refuses_the_retry_and_the_action_can_still_be_retried_later()
    {
        var service = _actions.World.AddService(2, ServiceState.PartlyRunning);
        var failed = await _actions.FailedAsync(service, ServiceOperationKind.Stop);
        var busy = Guid.NewGuid();
        _actions.World.Services.Change(service.Uuid, s => s.ActiveAction = busy);

        var refused = await Assert.ThrowsAsync<OperationInProgressException>(() =>
            _actions.Retry().RetryAsync(Carol, Request, failed.Uuid, _actions.Durable(), CancellationToken.None));

        Assert.Equal(busy, refused.ActionUuid);
        Assert.True(_actions.World.Actions[failed.Uuid].CanBeRetried);
        Assert.Empty(_actions.Scheduled);
    }

    [Fact]
    public async Task An_action_on_a_terminated_service_or_a_system_operation_or_one_in_progress_is_refused_with_why()
    {
        var gone = _actions.World.AddService(1, ServiceState.PartlyRunning);
        var onGone = await _actions.FailedAsync(gone, ServiceOperationKind.Redeploy);
        _actions.World.Services.Change(gone.Uuid, s => s.Restore(ServiceState.Terminated));
        var healing = await _actions.FailedAsync(_actions.World.AddService(1, ServiceState.Running, name: "db"), ServiceOperationKind.Reschedule);
        var running = _actions.Running(_actions.World.AddService(1, ServiceState.Scaling, name: "api"), ServiceOperationKind.Scale);
        var retry = _actions.Retry();

        var reasons = new List<string>();
        foreach (var action in new[] { onGone, healing, running })
            reasons.Add((await Assert.ThrowsAsync<ResourceConflictException>(() => retry.RetryAsync(Carol, Request, action.Uuid, _actions.Durable(), default))).Message);

        Assert.Contains("its service is terminated", reasons[0]);
        Assert.Contains("started by the system", reasons[1]);
        Assert.Contains("In progress; only a Failed or Canceled action can be retried", reasons[2]);
        Assert.False(healing.CanBeRetried);
        Assert.Empty(_actions.Scheduled);
    }
}
