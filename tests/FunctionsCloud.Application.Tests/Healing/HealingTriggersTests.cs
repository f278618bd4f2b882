using FunctionsCloud.Application.Healing;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Application.Tests.ServiceOperations.Support;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.Placement;
using FunctionsCloud.Domain.Services;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionsCloud.Application.Tests.Healing;

/// <summary>What starts healing: a lost node (reschedule its services) and a new node (EVERY_NODE services fill it).</summary>
public class HealingTriggersTests
{
    private readonly ServiceWorld _world = new();
    private readonly List<(string Name, object? Input)> _scheduled = [];

    [Fact]
    public async Task A_lost_node_gets_one_reschedule_per_service_with_containers_on_it()
    {
        var (lost, other) = (_world.AddNode(NodeState.Unreachable), _world.AddNode());
        var web = _world.AddService(2, ServiceState.Running);
        var db = _world.AddService(1, ServiceState.Running, name: "db");
        var cache = _world.AddService(1, ServiceState.Running, name: "cache");
        _world.AddContainer(web, lost, 1);
        _world.AddContainer(web, lost, 2);
        _world.AddContainer(db, lost, 1);
        _world.AddContainer(cache, other, 1);

        await Rescheduler().HandleAsync(_world.Nodes[lost.Uuid], RecordingDurableClient.Create(_scheduled), CancellationToken.None);

        var started = Started();
        Assert.Equal(new[] { web.Uuid, db.Uuid }.Order(), started.Select(s => s.ServiceUuid).Order());
        Assert.All(started, s => Assert.Equal((ServiceOperationKind.Reschedule, (Guid?)lost.Uuid), (s.Kind, s.NodeUuid)));
    }

    [Fact]
    public async Task Without_a_durable_client_a_lost_node_starts_nothing()
    {
        var lost = _world.AddNode(NodeState.Unreachable);
        _world.AddContainer(_world.AddService(1, ServiceState.Running), lost, 1);

        await Rescheduler().HandleAsync(_world.Nodes[lost.Uuid], null, CancellationToken.None);

        Assert.Null(_world.Services.All.Single().ActiveAction);
    }

    [Fact]
    public async Task A_new_node_is_filled_by_the_running_EVERY_NODE_services_whose_tags_it_carries()
    {
        var node = _world.AddNode(NodeState.Deployed, "edge", "eu");
        var fits = _world.AddService(2, ServiceState.PartlyRunning, DeploymentStrategy.EveryNode, "agent", "edge");
        _world.AddContainer(fits, _world.AddNode(NodeState.Deployed, "edge"), 1);
        _world.AddService(1, ServiceState.Running, DeploymentStrategy.EveryNode, "gpu-agent", "gpu");
        _world.AddService(1, ServiceState.Stopped, DeploymentStrategy.EveryNode, "stopped");
        _world.AddService(1, ServiceState.Running, DeploymentStrategy.EmptiestNode, "web");

        await new EveryNodeFiller(_world.Services, _world.SystemOperations())
            .FillAsync(node, RecordingDurableClient.Create(_scheduled), CancellationToken.None);

        var started = Assert.Single(Started());
        Assert.Equal((fits.Uuid, ServiceOperationKind.Scale, (Guid?)node.Uuid), (started.ServiceUuid, started.Kind, started.NodeUuid));
    }

    private ContainerRescheduler Rescheduler() =>
        new(_world.Containers, _world.SystemOperations(), NullLogger<ContainerRescheduler>.Instance);

    private List<ServiceOperationInput> Started() => _scheduled.Select(s => s.Input).OfType<ServiceOperationInput>().ToList();
}
