using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Identifiers;
using FunctionsCloud.Domain.NodeClusters;
using FunctionsCloud.Domain.Resources;
using FunctionsCloud.Storage.NodeClusters;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.Operations;

/// <summary>
/// Starts an operation on a node cluster: takes the cluster's operation slot (an ETag-guarded write, so
/// two requests cannot both win), records the action, then schedules the orchestration. A request that
/// finds the slot taken gets a 409 naming the action in flight, and nothing changes; a terminate (of the cluster or of
/// one of its nodes) takes over from an operation in flight that can be canceled (<see cref="OperationTakeover"/>).
/// </summary>
public sealed class ClusterOperationStarter(INodeClusterStore clusters, OperationLauncher launcher, OperationTakeover takeover, TimeProvider clock)
{
    /// <param name="prepare">Checks and changes the cluster for this operation (target, state); throws to refuse.</param>
    public async Task<(NodeCluster Cluster, ActionRecord Action)> StartAsync(
        Caller caller, RequestInfo request, Guid clusterUuid, ClusterOperationKind kind, Action<NodeCluster> prepare,
        DurableTaskClient durable, Guid? nodeUuid = null, CancellationToken cancellationToken = default)
    {
        var actionUuid = Uuid4.NewestFirst(clock.GetUtcNow());
        NodeClusterState? before = null;
        int targetBefore = 0;
        var takeOver = kind is ClusterOperationKind.Terminate or ClusterOperationKind.TerminateNode
            ? await takeover.TakeableAsync(caller.Namespace, (await clusters.GetAsync(caller.Namespace, clusterUuid, cancellationToken))?.ActiveAction, cancellationToken)
            : null;
        Guid? predecessor = null;
        var cluster = await clusters.UpdateAsync(caller.Namespace, clusterUuid, c =>
        {
            if (c.ActiveAction is { } busy && busy != takeOver)
                throw new OperationInProgressException(busy);
            predecessor = c.ActiveAction;
            (before, targetBefore) = (c.State, c.TargetNumNodes);
            prepare(c);
            c.ActiveAction = actionUuid;
            return true;
        }, cancellationToken) ?? throw new ResourceNotFoundException("node cluster", clusterUuid.ToString());

        var input = new ClusterOperationInput(caller.Namespace, clusterUuid, actionUuid, kind, nodeUuid, predecessor);
        // A terminate half done has nowhere honest to settle (Terminating only leads to Terminated): it runs to its end.
        var action = OperationActions.New(caller, request, actionUuid,
            nodeUuid is { } node ? ResourceUris.Node(node) : ResourceUris.NodeCluster(clusterUuid),
            ClusterOperationNames.ActionName(kind), clock.GetUtcNow(), canBeCanceled: kind != ClusterOperationKind.Terminate);
        await launcher.LaunchAsync(action, ClusterOperationNames.Orchestrator, input, durable,
            () => ReleaseAsync(caller.Namespace, clusterUuid, actionUuid, predecessor, before!.Value, targetBefore), cancellationToken);
        if (predecessor is { } inFlight)
            await takeover.CancelAsync(caller, inFlight, actionUuid, durable, cancellationToken);
        return (cluster, action);
    }

    /// <summary>Gives the slot back (to the operation it was taken over from, if any) when the operation could not be started at all.</summary>
    private Task ReleaseAsync(string ns, Guid clusterUuid, Guid actionUuid, Guid? predecessor, NodeClusterState state, int target) =>
        clusters.UpdateAsync(ns, clusterUuid, c =>
        {
            if (c.ActiveAction != actionUuid)
                return false;
            c.ActiveAction = predecessor;
            c.Restore(state);
            c.TargetNumNodes = target;
            return true;
        }, CancellationToken.None);
}
