using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Application.Tests.ServiceOperations.Support;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.Services;
using static FunctionsCloud.Application.ServiceOperations.ContainerGoal;

namespace FunctionsCloud.Application.Tests.ServiceOperations;

public class ServiceOperationObserveTests
{
    private readonly ServiceWorld _world = new();
    private readonly Service _web;
    private readonly ServiceOperationInput _op;

    public ServiceOperationObserveTests()
    {
        _web = _world.AddService(3, ServiceState.Starting);
        _op = _world.Operation(_web, ServiceOperationKind.Start);
    }

    [Fact]
    public async Task Observe_keeps_what_is_pending_drops_what_is_done_and_logs_each_failure_once()
    {
        var (node, lost) = (_world.AddNode(), _world.AddNode(NodeState.Unreachable));
        var running = _world.AddContainer(_web, node, 1);
        var starting = _world.AddContainer(_web, node, 2, ContainerState.Starting);
        var stranded = _world.AddContainer(_web, lost, 3, ContainerState.Starting);
        AwaitedContainer[] awaited = [new(running.Uuid, Running, 1), new(starting.Uuid, Running, 1), new(stranded.Uuid, Running, 1)];

        var seen = await _world.Activities().ObserveAsync(new ObserveInput(_op, awaited, 60, Final: false));

        Assert.Equal([awaited[1]], seen.Pending);
        var failure = $"web-3 on node {lost.Uuid}: its node is Unreachable (the container was Starting).";
        Assert.Equal([failure], seen.Failures);
        Assert.EndsWith($" {failure}\n", _world.Actions[_op.ActionUuid].Logs);
    }

    [Fact]
    public async Task At_the_deadline_what_is_still_pending_fails_with_the_state_it_is_in()
    {
        var node = _world.AddNode();
        var starting = _world.AddContainer(_web, node, 2, ContainerState.Starting);

        var seen = await _world.Activities().ObserveAsync(new ObserveInput(_op, [new(starting.Uuid, Running, 1)], 60, Final: true));

        Assert.Empty(seen.Pending);
        Assert.Equal([$"web-2 on node {node.Uuid}: not running within 60 s (it is Starting)."], seen.Failures);
    }
}
