using FunctionsCloud.Application.Actions;
using FunctionsCloud.Application.Containers;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Application.Services;
using FunctionsCloud.Application.Tests.ServiceOperations.Support;
using FunctionsCloud.Application.Tests.Support;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Services;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Moq;

namespace FunctionsCloud.Application.Tests.Actions;

/// <summary>
/// A service world with cancel and retry built on it as the app builds them, and a durable client that knows one
/// orchestration's status and records the events raised and the orchestrations scheduled.
/// </summary>
internal sealed class ActionWorld
{
    public ServiceWorld World { get; } = new();
    public List<(string Instance, string Event)> Raised { get; } = [];
    public List<object?> Scheduled { get; } = [];

    /// <summary>What the durable client says of every instance: null when it knows none.</summary>
    public OrchestrationRuntimeStatus? InstanceStatus { get; set; }

    public ActionCancellation Cancellation() => new(World.Actions, Families(), new StoppedClock(ServiceWorld.Now));

    public ActionRetry Retry() => new(World.Actions, Families(), new ActionJournal(World.Actions, new StoppedClock(ServiceWorld.Now)));

    /// <summary>A user operation on the service as its starter records it: in progress, cancelable, holding the slot.</summary>
    public ActionRecord Running(Service service, ServiceOperationKind kind)
    {
        var op = World.Operation(service, kind);
        World.Actions.Change(op.ActionUuid, a =>
        {
            a.MoveTo(ActionState.InProgress);
            a.CanBeCanceled = kind != ServiceOperationKind.Terminate;
        });
        return World.Actions[op.ActionUuid];
    }

    /// <summary>A user operation that failed and let the service go, as its Complete step leaves it.</summary>
    public async Task<ActionRecord> FailedAsync(Service service, ServiceOperationKind kind)
    {
        var action = Running(service, kind);
        await new ActionJournal(World.Actions, new StoppedClock(ServiceWorld.Now)).FinishAsync(ServiceWorld.Namespace, action.Uuid, false, "Failed: no eligible node.");
        World.Services.Change(service.Uuid, s => s.ActiveAction = null);
        return World.Actions[action.Uuid];
    }

    public DurableTaskClient Durable()
    {
        var client = new Mock<DurableTaskClient>("actions") { CallBase = true };
        client.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, bool _, CancellationToken _) =>
                InstanceStatus is { } status ? new OrchestrationMetadata(ServiceOperationNames.Orchestrator, id) { RuntimeStatus = status } : null);
        client.Setup(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .Callback((string id, string name, object? _, CancellationToken _) => Raised.Add((id, name)))
            .Returns(Task.CompletedTask);
        client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TaskName _, object? input, StartOrchestrationOptions? options, CancellationToken _) =>
            {
                Scheduled.Add(input);
                return options?.InstanceId ?? Guid.NewGuid().ToString("D");
            });
        return client.Object;
    }

    /// <summary>What users do with services, as the app builds it.</summary>
    public ServiceService Services() =>
        new(World.Services, new Mock<FunctionsCloud.Storage.Stacks.IStackStore>().Object, new ServiceViews(World.Containers, new ServiceNodes(World.Nodes), Options.Create(World.Settings)), World.Starter(),
            Options.Create(World.Settings), new StoppedClock(ServiceWorld.Now));

    private IActionOperations[] Families() =>
        [new ServiceActionOperations(World.Services, World.Containers, Services(), new ContainerService(World.Containers, World.Starter()),
            World.Activities(), new ActionJournal(World.Actions, new StoppedClock(ServiceWorld.Now)))];
}
