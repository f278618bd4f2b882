using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.Operations;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Identifiers;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.Resources;
using FunctionsCloud.Storage.Nodes;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.Nodes;

/// <summary>
/// Starts an operation of a node's own (a host's terminate, an engine upgrade) through the node's operation slot
/// (<see cref="Node.ActiveAction"/>, see <see cref="OperationSlot"/>): its preparation changes the node's state, which is
/// given back should the operation not start. These operations cannot be canceled: a node half terminated or half
/// upgraded has nowhere honest to settle.
/// </summary>
public sealed class NodeOperationSlot(INodeStore nodes, OperationSlot slot, TimeProvider clock)
{
    /// <param name="joinsSame">Whether the same operation sent again is answered with the one in flight (else a 409 naming it).</param>
    /// <param name="input">The orchestration's input, given the new action's uuid.</param>
    public Task<(Node Node, ActionRecord Action)> StartAsync(
        Caller caller, RequestInfo request, Guid nodeUuid, string actionName, bool joinsSame, string orchestrator, Action<Node> prepare,
        Func<Guid, object> input, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var actionUuid = Uuid4.NewestFirst(clock.GetUtcNow());
        var action = OperationActions.New(caller, request, actionUuid, ResourceUris.Node(nodeUuid), actionName, clock.GetUtcNow(), canBeCanceled: false);
        var claim = new OperationClaim(action.Action, action.Object, joinsSame);
        return slot.StartAsync(Slot, nodeUuid, new SlotStart<Node>(claim, action, orchestrator, prepare, _ => input(actionUuid)),
            caller, durable, cancellationToken);
    }

    private SlotOf<Node> Slot => new(nodes, n => n.ActiveAction, (n, a) => n.ActiveAction = a, Snapshot,
        uuid => new ResourceNotFoundException("node", uuid.ToString()));

    private static Action<Node> Snapshot(Node node)
    {
        var state = node.State;
        return n => n.Restore(state);
    }
}
