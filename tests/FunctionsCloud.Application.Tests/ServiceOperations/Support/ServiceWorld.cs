using FunctionsCloud.Application.Actions;
using FunctionsCloud.Application.Configuration;
using FunctionsCloud.Application.Healing;
using FunctionsCloud.Application.Liveness;
using FunctionsCloud.Application.Operations;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Application.Tests.Support;
using FunctionsCloud.Application.Triggers;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.Placement;
using FunctionsCloud.Domain.Resources;
using FunctionsCloud.Domain.Services;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.Tests.ServiceOperations.Support;

/// <summary>
/// One namespace with nodes, a service, its containers and the actions of its operations, in memory behind the
/// stores' interfaces, and the service operation's step and activities built on them as the app builds them.
/// </summary>
internal sealed class ServiceWorld
{
    public const string Namespace = "acme";
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private readonly TimeProvider _clock = new StoppedClock(Now);

    public ServiceRows Services { get; } = new();
    public ContainerRows Containers { get; } = new();
    public NodeRows Nodes { get; } = new();
    public ActionRows Actions { get; } = new();
    public LivenessPointers Liveness { get; } = new();
    public FunctionsCloudOptions Settings { get; } = new() { ContainerPollSeconds = 2, ContainerTimeoutSeconds = 60 };

    public Service AddService(int target, ServiceState state, DeploymentStrategy strategy = DeploymentStrategy.EmptiestNode, string name = "web", params string[] tags)
    {
        var service = new Service
        {
            Uuid = Guid.NewGuid(), Namespace = Namespace, Name = name, ImageName = "busybox", TargetNumContainers = target,
            DeploymentStrategy = strategy, Tags = tags, CreatedDatetime = Now,
        };
        service.Restore(state);
        Services.Add(service);
        return service;
    }

    public Node AddNode(NodeState state = NodeState.Deployed, params string[] tags)
    {
        var node = new Node { Uuid = Guid.NewGuid(), Namespace = Namespace, Provider = "local", Region = "local", NodeType = "local", Tags = tags };
        node.Restore(state);
        Nodes.Add(node);
        Liveness.Watch(Namespace, node.Uuid, Now);
        return node;
    }

    /// <summary>A container the agent has reported on at its revision.</summary>
    public Container AddContainer(Service service, Node node, int number, ContainerState state = ContainerState.Running,
        ContainerDesire desired = ContainerDesire.Running, int revision = 1)
    {
        var container = new Container
        {
            Uuid = Guid.NewGuid(), Namespace = Namespace, ServiceUuid = service.Uuid, ServiceName = service.Name, Number = number,
            NodeUuid = node.Uuid, Desired = desired, Revision = revision, ReportedRevision = revision, CreatedDatetime = Now,
            Spec = new ContainerSpec(service.ImageName, null, null, null, [], [], [], null, null, Autorestart.Off, Autodestroy.Off),
        };
        container.Restore(state);
        Containers.Add(container);
        return container;
    }

    /// <summary>An operation as its starter leaves it: its action recorded, the service's slot held by it.</summary>
    public ServiceOperationInput Operation(Service service, ServiceOperationKind kind, Guid? container = null, Guid? node = null)
    {
        var action = Guid.NewGuid();
        Actions.Add(new ActionRecord
        {
            Uuid = action, Namespace = Namespace, Action = ServiceOperationNames.ActionName(kind),
            Object = container is { } one ? ResourceUris.Container(one) : ResourceUris.Service(service.Uuid),
            Method = "POST", Path = "/", StartDate = Now,
            User = kind == ServiceOperationKind.Reschedule ? Application.Healing.SystemOperations.User : "tester", IsUserAction = kind != ServiceOperationKind.Reschedule,
        });
        Services.Change(service.Uuid, s => s.ActiveAction = action);
        return new ServiceOperationInput(Namespace, service.Uuid, action, kind, container, node);
    }

    public ServiceSteps Steps()
    {
        var nodes = new ServiceNodes(Nodes);
        return new ServiceSteps(Services, Containers, nodes, new ContainerSpecBuilder(Containers, nodes), new NodeGenerations(Liveness), _clock);
    }

    public ServiceOperationActivities Activities() =>
        new(Services, Containers, new ServiceNodes(Nodes), Steps(), new ActionJournal(Actions, _clock), Options.Create(Settings), _clock);

    /// <summary>Starts operations as requests and system operations do: takes the slot, records the action, schedules it.</summary>
    public ServiceOperationStarter Starter() =>
        new(Services, Containers, new OperationSlot(Actions, new OperationLauncher(Actions, new ActionJournal(Actions, _clock))), _clock);

    public SystemOperations SystemOperations() => new(Starter(), Actions);

    public Task<StepResult> ApplyAsync(ServiceOperationInput op, params IReadOnlyList<RedeployTarget> redeploys) =>
        Steps().ApplyAsync(new ServiceStepInput(op, redeploys));

    /// <summary>The service's containers as stored now, by number (Terminated ones too).</summary>
    public IReadOnlyList<Container> ContainersOf(Service service) =>
        Containers.All.Where(c => c.ServiceUuid == service.Uuid).OrderBy(c => c.Number).ThenBy(c => c.State).ToList();

    /// <summary>The service's containers that are live and not being removed, by number.</summary>
    public IReadOnlyList<Container> WantedOf(Service service) =>
        ContainersOf(service).Where(c => c.IsLive && c.Desired != ContainerDesire.Removed).ToList();

    public int Generation(Node node) => Liveness.Generation(Namespace, node.Uuid);
}
