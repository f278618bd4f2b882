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
/// Starts an operation on a node cluster through the cluster's operation slot (<see cref="OperationSlot"/>). A terminate
/// of the cluster, or of one of its nodes, takes over from a deploy or scale in flight; the same terminate sent again is
/// answered with the one in flight.
/// </summary>
public sealed class ClusterOperationStarter(INodeClusterStore clusters, OperationSlot slot, TimeProvider clock)
{
    private static readonly IReadOnlySet<string> Superseded = new HashSet<string>
    {
        ClusterOperationNames.ActionName(ClusterOperationKind.Deploy), ClusterOperationNames.ActionName(ClusterOperationKind.Scale),
    };

    private SlotOf<NodeCluster> Slot => new(clusters, c => c.ActiveAction, (c, a) => c.ActiveAction = a, Snapshot,
        uuid => new ResourceNotFoundException("node cluster", uuid.ToString()));

    /// <param name="prepare">Checks and changes the cluster for this operation (target, state); throws to refuse.</param>
    public async Task<(NodeCluster Cluster, ActionRecord Action)> StartAsync(
        Caller caller, RequestInfo request, Guid clusterUuid, ClusterOperationKind kind, Action<NodeCluster> prepare,
        DurableTaskClient durable, Guid? nodeUuid = null, CancellationToken cancellationToken = default)
    {
        var actionUuid = Uuid4.NewestFirst(clock.GetUtcNow());
        var objectUri = nodeUuid is { } node ? ResourceUris.Node(node) : ResourceUris.NodeCluster(clusterUuid);
        // A terminate half done has nowhere honest to settle (Terminating only leads to Terminated): it runs to its end.
        var isTerminate = kind is ClusterOperationKind.Terminate or ClusterOperationKind.TerminateNode;
        var action = OperationActions.New(caller, request, actionUuid, objectUri, ClusterOperationNames.ActionName(kind), clock.GetUtcNow(), canBeCanceled: !isTerminate);
        var claim = new OperationClaim(action.Action, objectUri, JoinsSame: isTerminate,
            isTerminate ? OperationSupersession.Of(Superseded, objectUri, new HashSet<string>()) : null);
        return await slot.StartAsync(Slot, clusterUuid,
            new SlotStart<NodeCluster>(claim, action, ClusterOperationNames.Orchestrator, prepare,
                predecessor => new ClusterOperationInput(caller.Namespace, clusterUuid, actionUuid, kind, nodeUuid, predecessor)),
            caller, durable, cancellationToken);
    }

    private static Action<NodeCluster> Snapshot(NodeCluster cluster)
    {
        var (state, target) = (cluster.State, cluster.TargetNumNodes);
        return c =>
        {
            c.Restore(state);
            c.TargetNumNodes = target;
        };
    }
}
