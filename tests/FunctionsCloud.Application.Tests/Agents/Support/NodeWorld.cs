using System.Security.Cryptography;
using FunctionsCloud.Application.Agents;
using FunctionsCloud.Application.Configuration;
using FunctionsCloud.Application.Liveness;
using FunctionsCloud.Application.Logs;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Application.Tests.Support;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Storage.Events;
using FunctionsCloud.Storage.Liveness;
using FunctionsCloud.Storage.Logs;
using FunctionsCloud.Storage.Nodes;
using FunctionsCloud.Storage.Services;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace FunctionsCloud.Application.Tests.Agents.Support;

/// <summary>
/// One registered node with its container rows, one service and its liveness pointer, behind the stores'
/// interfaces: containers in memory, the rest as mocks that keep the one row each holds and count their calls.
/// </summary>
internal sealed class NodeWorld
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private readonly IOptions<FunctionsCloudOptions> _options = Options.Create(new FunctionsCloudOptions
    {
        NodeCredentialKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    });

    public NodeWorld()
    {
        Credentials = new NodeCredentials(_options);
        NodeRow = new Node { Uuid = Node.NodeUuid, Namespace = Node.Namespace, Provider = "local", Region = "local", NodeType = "local" };
        Pointer = new NodeLiveness { Namespace = Node.Namespace, NodeUuid = Node.NodeUuid, LastSeen = Now, DueTicks = 1, Version = "p1" };
        Services.Setup(s => s.UpdateAsync(Node.Namespace, Service.Uuid, It.IsAny<Func<Service, bool>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, Guid _, Func<Service, bool> change, CancellationToken _) => Change(Service, change));
        Nodes.Setup(s => s.UpdateAsync(Node.Namespace, Node.NodeUuid, It.IsAny<Func<Node, bool>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, Guid _, Func<Node, bool> change, CancellationToken _) => Change(NodeRow, change));
        Liveness.Setup(l => l.GetAsync(Node.Namespace, Node.NodeUuid, It.IsAny<CancellationToken>())).ReturnsAsync(() => Pointer);
        Liveness.Setup(l => l.UpdateAsync(Node.Namespace, Node.NodeUuid, It.IsAny<Func<NodeLiveness, LivenessPatch?>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, Guid _, Func<NodeLiveness, LivenessPatch?> change, CancellationToken _) =>
                Pointer = Pointer with { Generation = change(Pointer)!.Generation ?? Pointer.Generation, Version = Pointer.Version + "+" });
        Liveness.Setup(l => l.TryWriteAsync(It.IsAny<LivenessWrite>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((LivenessWrite write, CancellationToken _) => write.IfMatch == Pointer.Version
                ? (Pointer = Pointer with { Generation = write.Patch.Generation ?? Pointer.Generation, Version = Pointer.Version + "'" }).Version
                : null);
    }

    public NodeIdentity Node { get; } = new("acme", Guid.NewGuid());
    public NodeCredentials Credentials { get; }
    public InMemoryContainerStore Containers { get; } = new();
    public Service Service { get; } = new() { Uuid = Guid.NewGuid(), Namespace = "acme", Name = "web", ImageName = "busybox", TargetNumContainers = 2 };
    public Node NodeRow { get; }
    public NodeLiveness Pointer { get; set; }
    public Mock<IServiceStore> Services { get; } = new();
    public Mock<INodeStore> Nodes { get; } = new();
    public Mock<ILivenessStore> Liveness { get; } = new();
    public Mock<ILogBlobs> LogBlobs { get; } = new();

    /// <summary>The lease of the last answer, as the agent would echo it.</summary>
    public HeartbeatLease Lease => HeartbeatLease.Of(Pointer);

    public ContainerReportRecorder Reports() => new(Containers, Services.Object, Nodes.Object, new NodeGenerations(Liveness.Object), new StoppedClock(Now),
        new ContainerWaitWakeUps(Services.Object, NullLogger<ContainerWaitWakeUps>.Instance));

    public HeartbeatRecorder Heartbeats()
    {
        var policy = _options.Value.LivenessPolicy();
        var clock = new StoppedClock(Now);
        return new HeartbeatRecorder(
            Liveness.Object, new LivenessRegistry(Liveness.Object, Nodes.Object, Credentials, policy), new NodeLivenessTransitions(Nodes.Object, policy, clock),
            Mock.Of<IEventStore>(), Credentials, new InventoryRules(), Reports(),
            new LogCredentialIssuer(LogBlobs.Object, Options.Create(new LogsOptions()), clock, NullLogger<LogCredentialIssuer>.Instance), policy, _options, clock);
    }

    public Container AddContainer(ContainerState state, Autorestart autorestart = Autorestart.Off, Autodestroy autodestroy = Autodestroy.Off, ContainerDesire desired = ContainerDesire.Running)
    {
        var row = new Container
        {
            Uuid = Guid.NewGuid(),
            Namespace = Node.Namespace,
            ServiceUuid = Service.Uuid,
            ServiceName = Service.Name,
            Number = 1,
            NodeUuid = Node.NodeUuid,
            Desired = desired,
            Spec = new ContainerSpec("busybox", null, null, null, [], [], [], null, null, autorestart, autodestroy),
        };
        row.Restore(state);
        Containers.Add(row);
        return row;
    }

    private static T Change<T>(T item, Func<T, bool> change)
    {
        change(item);
        return item;
    }
}
