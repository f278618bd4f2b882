using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.Operations;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Identifiers;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.Resources;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Storage.Nodes;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.NodeTermination;

/// <summary>
/// Starts the terminate of a host of one's own through the node's own operation slot (<see cref="OperationSlot"/>),
/// making it Terminating, so that nothing more is placed on it. The same terminate sent again is answered with the one
/// in flight; a node left Terminating by a terminate that failed may be terminated again. Like a cluster's terminate
/// it cannot be canceled: a node half terminated has nowhere honest to settle.
/// </summary>
public sealed class OwnNodeTerminationStarter(INodeStore nodes, OperationSlot slot, TimeProvider clock)
{
    private SlotOf<Node> Slot => new(nodes, n => n.ActiveAction, (n, a) => n.ActiveAction = a, Snapshot,
        uuid => new ResourceNotFoundException("node", uuid.ToString()));

    public Task<(Node Node, ActionRecord Action)> StartAsync(
        Caller caller, RequestInfo request, Guid nodeUuid, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var actionUuid = Uuid4.NewestFirst(clock.GetUtcNow());
        var action = OperationActions.New(caller, request, actionUuid, ResourceUris.Node(nodeUuid),
            ClusterOperationNames.ActionName(ClusterOperationKind.TerminateNode), clock.GetUtcNow(), canBeCanceled: false);
        var claim = new OperationClaim(action.Action, action.Object, JoinsSame: true);
        return slot.StartAsync(Slot, nodeUuid, new SlotStart<Node>(claim, action, OwnNodeTerminationNames.Orchestrator, Prepare,
            _ => new OwnNodeTerminationInput(caller.Namespace, nodeUuid, actionUuid)), caller, durable, cancellationToken);
    }

    private static void Prepare(Node node)
    {
        if (node.State == NodeState.Terminated)
            throw new ResourceConflictException($"The node is already {ApiNames.Of(node.State)}.");
        if (node.State != NodeState.Terminating) // a terminate that failed left it Terminating: it may be sent again
            node.MoveTo(NodeState.Terminating);
    }

    private static Action<Node> Snapshot(Node node)
    {
        var state = node.State;
        return n => n.Restore(state);
    }
}
