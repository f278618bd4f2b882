using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.NodeClusters;
using FunctionsCloud.Application.Nodes;
using FunctionsCloud.Application.Operations;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.NodeClusters;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Storage.NodeClusters;
using FunctionsCloud.Storage.Nodes;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.Actions;

/// <summary>Cancel and retry for node cluster operations: Cluster Deploy, Scale and Terminate, and Node Terminate.</summary>
public sealed class ClusterActionOperations(
    INodeClusterStore clusters,
    INodeStore nodes,
    ClusterOperationStarter starter,
    NodeClusterService clusterService,
    NodeService nodeService,
    NodeClusterOperationActivities activities,
    ActionJournal journal) : IActionOperations
{
    private static readonly Dictionary<string, ClusterOperationKind> Kinds =
        Enum.GetValues<ClusterOperationKind>().ToDictionary(ClusterOperationNames.ActionName);

    public bool Tracks(ActionRecord action) => Kinds.ContainsKey(action.Action);

    public async Task<string?> RetryRefusalAsync(ActionRecord action, CancellationToken cancellationToken)
    {
        if (await OwnNodeAsync(action, cancellationToken) is { } own)
            return own.State == NodeState.Terminated ? "its node is terminated." : null;
        if (await ResolveAsync(action, cancellationToken) is not { } resolved)
            return "its object no longer exists.";
        var (input, node) = resolved;
        var cluster = await clusters.GetAsync(input.Namespace, input.ClusterUuid, cancellationToken);
        if (cluster is null or { IsTerminated: true })
            return "its node cluster is terminated.";
        return node is { IsLive: false } ? "its node is terminated." : null;
    }

    public async Task<ActionRecord> RetryAsync(
        ActionRecord action, Caller caller, RequestInfo request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (await OwnNodeAsync(action, cancellationToken) is { } own)
            return (await nodeService.TerminateAsync(caller, request, own.Uuid, durable, cancellationToken)).Action;
        var input = await InputAsync(action, cancellationToken) ?? throw new ResourceConflictException("The action cannot be retried: its object no longer exists.");
        return input.Kind switch
        {
            ClusterOperationKind.Terminate => (await clusterService.TerminateAsync(caller, request, input.ClusterUuid, durable, cancellationToken)).Action,
            ClusterOperationKind.TerminateNode => (await nodeService.TerminateAsync(caller, request, input.NodeUuid!.Value, durable, cancellationToken)).Action,
            _ => (await starter.StartAsync(caller, request, input.ClusterUuid, input.Kind, Converge, durable, cancellationToken: cancellationToken)).Action,
        };
    }

    public async Task SettleAsync(ActionRecord action, CancellationToken cancellationToken)
    {
        if (await InputAsync(action, cancellationToken) is { } input && await clusters.GetAsync(input.Namespace, input.ClusterUuid, cancellationToken) is not null)
            await activities.CompleteAsync(new CompletionInput(input, null), cancellationToken);
        else
            await journal.FinishAsync(action.Namespace, action.Uuid, succeeded: false, "Its node cluster no longer exists.");
    }

    /// <summary>
    /// A deploy or scale run again brings the cluster to its target once more: a cluster still in Init deploys,
    /// one that was deployed (partly, or not at all) scales; the action keeps its name.
    /// </summary>
    private static void Converge(NodeCluster cluster)
    {
        if (cluster.IsTerminated)
            throw new ResourceConflictException("The node cluster is terminated.");
        cluster.MoveTo(cluster.State == NodeClusterState.Init ? NodeClusterState.Deploying : NodeClusterState.Scaling);
    }

    /// <summary>The host of one's own a Node Terminate is about (its terminate is an operation of the node's, not of a cluster's); else null.</summary>
    private async Task<Node?> OwnNodeAsync(ActionRecord action, CancellationToken cancellationToken) =>
        Kinds[action.Action] == ClusterOperationKind.TerminateNode && ActionObject.UuidOf(action.Object) is { } uuid
        && await nodes.GetAsync(action.Namespace, uuid, cancellationToken) is { NodeCluster: null } node
            ? node
            : null;

    /// <summary>The orchestration input the action was started with; null when its object is gone.</summary>
    private async Task<ClusterOperationInput?> InputAsync(ActionRecord action, CancellationToken cancellationToken) =>
        (await ResolveAsync(action, cancellationToken))?.Input;

    /// <summary>The input, with the node a node's action is on as read for it (null for a cluster's action).</summary>
    private async Task<(ClusterOperationInput Input, Node? Node)?> ResolveAsync(ActionRecord action, CancellationToken cancellationToken)
    {
        var kind = Kinds[action.Action];
        if (ActionObject.UuidOf(action.Object) is not { } uuid)
            return null;
        if (kind != ClusterOperationKind.TerminateNode)
            return (new ClusterOperationInput(action.Namespace, uuid, action.Uuid, kind), null);
        return await nodes.GetAsync(action.Namespace, uuid, cancellationToken) is { NodeCluster: { } cluster } node
            ? (new ClusterOperationInput(action.Namespace, cluster, action.Uuid, kind, uuid), node)
            : null;
    }
}
