using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.Nodes;
using FunctionsCloud.Application.Operations;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.States;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.NodeTermination;

/// <summary>
/// Starts the terminate of a host of one's own through the node's own operation slot (<see cref="NodeOperationSlot"/>),
/// making it Terminating, so that nothing more is placed on it. The same terminate sent again is answered with the one
/// in flight; a node left Terminating by a terminate that failed may be terminated again. Like a cluster's terminate
/// it cannot be canceled.
/// </summary>
public sealed class OwnNodeTerminationStarter(NodeOperationSlot slot)
{
    public Task<(Node Node, ActionRecord Action)> StartAsync(
        Caller caller, RequestInfo request, Guid nodeUuid, DurableTaskClient durable, CancellationToken cancellationToken) =>
        slot.StartAsync(caller, request, nodeUuid, ClusterOperationNames.ActionName(ClusterOperationKind.TerminateNode), joinsSame: true,
            OwnNodeTerminationNames.Orchestrator, Prepare, action => new OwnNodeTerminationInput(caller.Namespace, nodeUuid, action), durable, cancellationToken);

    private static void Prepare(Node node)
    {
        if (node.State == NodeState.Terminated)
            throw new ResourceConflictException($"The node is already {ApiNames.Of(node.State)}.");
        if (node.State != NodeState.Terminating) // a terminate that failed left it Terminating: it may be sent again
            node.MoveTo(NodeState.Terminating);
    }
}
