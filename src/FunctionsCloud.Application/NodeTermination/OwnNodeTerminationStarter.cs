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
/// Starts the terminate of a host of one's own: takes the node's own operation slot (an ETag-guarded write that also
/// makes it Terminating, so that nothing more is placed on it), records the action, schedules the orchestration.
/// Like a cluster's terminate it cannot be canceled: a node half terminated has nowhere honest to settle.
/// </summary>
public sealed class OwnNodeTerminationStarter(INodeStore nodes, OperationLauncher launcher, TimeProvider clock)
{
    public async Task<(Node Node, ActionRecord Action)> StartAsync(
        Caller caller, RequestInfo request, Guid nodeUuid, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var actionUuid = Uuid4.NewestFirst(clock.GetUtcNow());
        NodeState? before = null;
        var node = await nodes.UpdateAsync(caller.Namespace, nodeUuid, n =>
        {
            if (n.ActiveAction is { } busy)
                throw new OperationInProgressException(busy);
            if (!n.IsLive)
                throw new ResourceConflictException($"The node is already {ApiNames.Of(n.State)}.");
            before = n.State;
            n.MoveTo(NodeState.Terminating);
            n.ActiveAction = actionUuid;
            return true;
        }, cancellationToken) ?? throw new ResourceNotFoundException("node", nodeUuid.ToString());

        var action = OperationActions.New(caller, request, actionUuid, ResourceUris.Node(nodeUuid),
            ClusterOperationNames.ActionName(ClusterOperationKind.TerminateNode), clock.GetUtcNow(), canBeCanceled: false);
        await launcher.LaunchAsync(action, OwnNodeTerminationNames.Orchestrator, new OwnNodeTerminationInput(caller.Namespace, nodeUuid, actionUuid), durable,
            () => ReleaseAsync(caller.Namespace, nodeUuid, actionUuid, before!.Value), cancellationToken);
        return (node, action);
    }

    /// <summary>Gives the slot back when the operation could not be started at all.</summary>
    private Task ReleaseAsync(string ns, Guid nodeUuid, Guid actionUuid, NodeState state) =>
        nodes.UpdateAsync(ns, nodeUuid, n =>
        {
            if (n.ActiveAction != actionUuid)
                return false;
            n.ActiveAction = null;
            n.Restore(state);
            return true;
        }, CancellationToken.None);
}
