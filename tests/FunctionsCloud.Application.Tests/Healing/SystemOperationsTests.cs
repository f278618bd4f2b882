using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.Healing;
using FunctionsCloud.Application.Operations;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Application.Tests.ServiceOperations.Support;
using FunctionsCloud.Domain.Resources;
using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Application.Tests.Healing;

public class SystemOperationsTests
{
    private readonly ServiceWorld _world = new();
    private readonly List<(string Name, object? Input)> _scheduled = [];

    [Theory]
    [InlineData(ServiceState.Running)]
    [InlineData(ServiceState.PartlyRunning)]
    public async Task A_running_service_is_rescheduled_at_once_as_an_action_of_the_system(ServiceState state)
    {
        var web = _world.AddService(2, state);
        _world.AddContainer(web, _world.AddNode(), 1); // GET shows it Partly running: one of two Running
        var lost = Guid.NewGuid();

        var started = await Operations().TryStartAsync(Reschedule(web, lost), RecordingDurableClient.Create(_scheduled), CancellationToken.None);

        var stored = _world.Services[web.Uuid];
        var input = Assert.IsType<ServiceOperationInput>(Assert.Single(_scheduled, s => s.Name == ServiceOperationNames.Orchestrator).Input);
        Assert.True(started);
        Assert.Equal((ServiceState.Scaling, (Guid?)input.ActionUuid), (stored.State, stored.ActiveAction));
        Assert.Equal((ServiceOperationKind.Reschedule, (Guid?)lost), (input.Kind, input.NodeUuid));
        var action = _world.Actions[input.ActionUuid];
        Assert.Equal(("system", "Service Reschedule", false, $"node {lost} lost or terminated"), (action.User, action.Action, action.IsUserAction, action.Path));
    }

    [Fact]
    public async Task A_busy_service_gets_a_retry_orchestration_and_keeps_its_operation()
    {
        var web = _world.AddService(2, ServiceState.Running);
        var busy = _world.Operation(web, ServiceOperationKind.Redeploy).ActionUuid;
        var request = Reschedule(web, Guid.NewGuid());

        await Operations().StartOrQueueAsync(request, RecordingDurableClient.Create(_scheduled), CancellationToken.None);

        var queued = Assert.IsType<SystemOperationRequest>(Assert.Single(_scheduled, s => s.Name == HealingNames.RetryOrchestrator).Input);
        Assert.Equal(request, queued);
        Assert.Equal((ServiceState.Running, (Guid?)busy), (_world.Services[web.Uuid].State, _world.Services[web.Uuid].ActiveAction));
    }

    [Fact]
    public async Task A_try_run_again_finds_the_action_it_started_and_starts_no_other()
    {
        var web = _world.AddService(2, ServiceState.Running);
        var request = Reschedule(web, Guid.NewGuid());
        var durable = RecordingDurableClient.Create(_scheduled);

        var first = await Operations().TryStartAsync(request, durable, CancellationToken.None);
        _world.Services.Change(web.Uuid, s =>
        {
            s.ActiveAction = null; // that operation is over
            s.Restore(ServiceState.Running);
        });
        var again = await Operations().TryStartAsync(request, durable, CancellationToken.None);

        Assert.Equal((true, true), (first, again));
        var input = Assert.IsType<ServiceOperationInput>(Assert.Single(_scheduled, s => s.Name == ServiceOperationNames.Orchestrator).Input);
        Assert.Equal(request.ActionUuid, input.ActionUuid);
        Assert.Single(_world.Actions.All);
    }

    [Theory]
    [InlineData(ServiceState.Stopped)]
    [InlineData(ServiceState.NotRunning)]
    [InlineData(ServiceState.Terminated)]
    public async Task A_service_that_does_not_run_is_left_as_it_is(ServiceState state)
    {
        var web = _world.AddService(2, state);

        var done = await Operations().TryStartAsync(Reschedule(web, Guid.NewGuid()), RecordingDurableClient.Create(_scheduled), CancellationToken.None);

        Assert.True(done);
        Assert.Empty(_scheduled);
        Assert.Equal((state, (Guid?)null), (_world.Services[web.Uuid].State, _world.Services[web.Uuid].ActiveAction));
    }

    [Fact]
    public async Task A_service_that_is_gone_needs_nothing() =>
        Assert.True(await Operations().TryStartAsync(
            SystemOperationRequest.For(ServiceWorld.Namespace, Guid.NewGuid(), ServiceOperationKind.Reschedule, Guid.NewGuid(), "lost", DateTimeOffset.UtcNow),
            RecordingDurableClient.Create(_scheduled), CancellationToken.None));

    [Fact]
    public async Task Queuing_the_same_request_again_queues_no_second_retry()
    {
        var web = _world.AddService(2, ServiceState.Running);
        _world.Operation(web, ServiceOperationKind.Redeploy);
        var request = Reschedule(web, Guid.NewGuid());
        var durable = RecordingDurableClient.Create(_scheduled);

        await Operations().StartOrQueueAsync(request, durable, CancellationToken.None);
        await Operations().StartOrQueueAsync(request, durable, CancellationToken.None);

        Assert.Single(_scheduled, s => s.Name == HealingNames.RetryOrchestrator);
    }

    [Fact]
    public void The_same_trigger_names_the_same_action_and_another_trigger_another()
    {
        var (service, node, at) = (Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow);
        var request = SystemOperationRequest.For(ServiceWorld.Namespace, service, ServiceOperationKind.Reschedule, node, "node lost after t1", at);

        Assert.Equal(request, SystemOperationRequest.For(ServiceWorld.Namespace, service, ServiceOperationKind.Reschedule, node, "node lost after t1", at));
        Assert.NotEqual(request.ActionUuid, SystemOperationRequest.For(ServiceWorld.Namespace, service, ServiceOperationKind.Reschedule, node, "node lost after t2", at).ActionUuid);
        Assert.NotEqual(request.ActionUuid, SystemOperationRequest.For(ServiceWorld.Namespace, service, ServiceOperationKind.Scale, node, "node lost after t1", at).ActionUuid);
        Assert.True(Domain.Identifiers.Uuid4.IsUuid4(request.ActionUuid.ToString("D")));
    }

    [Fact]
    public async Task An_action_that_could_not_be_started_does_not_count_and_the_next_try_starts_one_of_its_own()
    {
        var web = _world.AddService(2, ServiceState.Running);
        var request = Reschedule(web, Guid.NewGuid());
        var failedToStart = OperationActions.New(new Caller(SystemOperations.User, ServiceWorld.Namespace, IsInstallationAdmin: false, FunctionsCloud.Domain.Accounts.Role.Operator), new RequestInfo("SYSTEM", "", ""),
            request.ActionUuid, ResourceUris.Service(web.Uuid), ServiceOperationNames.ActionName(ServiceOperationKind.Reschedule), DateTimeOffset.UtcNow, canBeCanceled: true);
        failedToStart.Finish(DateTimeOffset.UtcNow, succeeded: false, "The operation could not be started: the task hub was unreachable.");
        _world.Actions.Add(failedToStart); // and no orchestration was scheduled under its uuid

        var started = await Operations().TryStartAsync(request, RecordingDurableClient.Create(_scheduled), CancellationToken.None);

        Assert.True(started);
        var input = Assert.IsType<ServiceOperationInput>(Assert.Single(_scheduled, s => s.Name == ServiceOperationNames.Orchestrator).Input);
        Assert.NotEqual(request.ActionUuid, input.ActionUuid);
        Assert.Equal(input.ActionUuid, _world.Services[web.Uuid].ActiveAction);
    }

    private SystemOperations Operations() => _world.SystemOperations();

    private static SystemOperationRequest Reschedule(Service service, Guid node) =>
        SystemOperationRequest.For(ServiceWorld.Namespace, service.Uuid, ServiceOperationKind.Reschedule, node, $"node {node} lost", DateTimeOffset.UtcNow);
}
