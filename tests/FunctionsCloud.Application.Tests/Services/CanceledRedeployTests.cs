using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Application.Tests.Actions;
using FunctionsCloud.Application.Tests.ServiceOperations.Support;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Application.Tests.Services;

/// <summary>
/// A redeploy canceled while its containers were being replaced settles with none Running (stored Not running); once
/// the agents report them Running again, GET shows Running, and the operations accept what a Running service accepts.
/// </summary>
public sealed class CanceledRedeployTests
{
    private static readonly Caller Carol = new("carol", ServiceWorld.Namespace, IsInstallationAdmin: false, Domain.Accounts.Role.Operator);
    private static readonly RequestInfo Request = new("POST", "/api/app/v1/service/x/stop/", "10.0.0.9");
    private readonly ActionWorld _actions = new();
    private readonly Service _web;
    private readonly ActionRecord _canceled;

    public CanceledRedeployTests()
    {
        var world = _actions.World;
        var node = world.AddNode();
        _web = world.AddService(2, ServiceState.Redeploying);
        var replaced = new[] { world.AddContainer(_web, node, 1, ContainerState.Starting), world.AddContainer(_web, node, 2, ContainerState.Starting) };
        var redeploy = _actions.Running(_web, ServiceOperationKind.Redeploy);
        world.Actions.Change(redeploy.Uuid, a => a.RequestCancel(ServiceWorld.Now, "carol"));
        var op = new ServiceOperationInput(ServiceWorld.Namespace, _web.Uuid, redeploy.Uuid, ServiceOperationKind.Redeploy);
        world.Activities().CompleteAsync(new ServiceCompletionInput(op, [], null)).GetAwaiter().GetResult();
        foreach (var container in replaced)
            world.Containers.Change(container.Uuid, c => c.Restore(ContainerState.Running));
        _canceled = world.Actions[redeploy.Uuid];
    }

    [Fact]
    public async Task Get_shows_Running_and_stop_is_accepted()
    {
        Assert.Equal(ActionState.Canceled, _canceled.State);

        var seen = await _actions.Services().GetAsync(Carol, _web.Uuid, CancellationToken.None);
        var (stopping, action) = await _actions.Services().StopAsync(Carol, Request, _web.Uuid, _actions.Durable(), CancellationToken.None);

        Assert.Equal("Running", seen.State);
        Assert.Equal(("Stopping", "Service Stop"), (stopping.State, action.Action));
    }

    [Fact]
    public async Task The_canceled_redeploy_is_retried_and_a_refused_retry_keeps_its_one_retry()
    {
        var busy = Guid.NewGuid();
        _actions.World.Services.Change(_web.Uuid, s => s.ActiveAction = busy);
        await Assert.ThrowsAsync<OperationInProgressException>(() => _actions.Retry().RetryAsync(Carol, Request, _canceled.Uuid, _actions.Durable(), default));
        Assert.True(_actions.World.Actions[_canceled.Uuid].CanBeRetried);
        _actions.World.Services.Change(_web.Uuid, s => s.ActiveAction = null);

        var retry = await _actions.Retry().RetryAsync(Carol, Request, _canceled.Uuid, _actions.Durable(), CancellationToken.None);

        Assert.Equal(("Service Redeploy", ServiceState.Redeploying), (retry.Action, _actions.World.Services[_web.Uuid].State));
        Assert.False(_actions.World.Actions[_canceled.Uuid].CanBeRetried);
    }
}
