using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.EngineUpgrades;
using FunctionsCloud.Application.Liveness;
using FunctionsCloud.Application.NodeTermination;
using FunctionsCloud.Application.Operations;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.NodeClusters;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.Validation;
using FunctionsCloud.Storage.Liveness;
using FunctionsCloud.Storage.NodeClusters;
using FunctionsCloud.Storage.Nodes;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.Nodes;

/// <summary>What users do with single nodes.</summary>
public sealed class NodeService(
    INodeStore nodes,
    INodeClusterStore clusters,
    ILivenessStore liveness,
    LivenessMonitor monitor,
    ClusterOperationStarter operations,
    OwnNodeTerminationStarter ownNodes,
    EngineUpgradeStarter engineUpgrades)
{
    public IReadOnlySet<string> FilterableFields => nodes.QueryableFields;

    public async Task<(IReadOnlyList<NodeResource> Items, int Total)> ListAsync(Caller caller, ListRequest request, CancellationToken cancellationToken)
    {
        var page = await nodes.ListAsync(caller.Namespace, request.ToQuery(), request.Offset, request.Limit, cancellationToken);
        return (await Task.WhenAll(page.Items.Select(n => ToResourceAsync(n, cancellationToken))), page.TotalCount);
    }

    public async Task<NodeResource> GetAsync(Caller caller, Guid uuid, CancellationToken cancellationToken) =>
        await ToResourceAsync(await LoadAsync(caller, uuid, cancellationToken), cancellationToken);

    /// <summary>Re-tests the node's reachability now, by the monitor's own rules, and answers the node as it is then.</summary>
    public async Task<NodeResource> HealthCheckAsync(Caller caller, Guid uuid, CancellationToken cancellationToken)
    {
        await LoadAsync(caller, uuid, cancellationToken);
        await monitor.EvaluateAsync(caller.Namespace, uuid, cancellationToken);
        return await GetAsync(caller, uuid, cancellationToken);
    }

    /// <summary>
    /// Docker Cloud's engine upgrade, as a Node Upgrade Docker action, for the nodes whose engine FunctionsCloud installed;
    /// refused with who upgrades it for the others (<see cref="EngineUpgrade"/>), and while the node or its cluster is busy.
    /// </summary>
    public async Task<(NodeResource Node, ActionRecord Action)> UpgradeDockerAsync(
        Caller caller, RequestInfo info, Guid uuid, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var node = await LoadAsync(caller, uuid, cancellationToken);
        if (EngineUpgrade.OwnerRefusal(node) is { } notOurs)
            throw new ResourceConflictException($"The node's Docker engine is not upgraded here: {notOurs}");
        await RequireClusterIdleAsync(caller, node, cancellationToken);
        var (upgrading, action) = await engineUpgrades.StartAsync(caller, info, uuid, durable, cancellationToken);
        return (await ToResourceAsync(upgrading, cancellationToken), action);
    }

    /// <summary>
    /// Nickname and tags change at once, unless an operation is in flight on the node or its cluster (which may be
    /// terminating it): then 409 naming that action, as for clusters and services, whatever the request changes.
    /// </summary>
    public async Task<NodeResource> PatchAsync(Caller caller, Guid uuid, PatchNodeRequest request, CancellationToken cancellationToken)
    {
        var current = await LoadAsync(caller, uuid, cancellationToken);
        new Validator()
            .Tags("tags", request.Tags?.Select(t => t.Name))
            .Nickname("nickname", request.Nickname)
            .ThrowIfInvalid();
        await RequireClusterIdleAsync(caller, current, cancellationToken);
        var node = await nodes.UpdateAsync(caller.Namespace, uuid, n =>
        {
            if (n.State == NodeState.Terminated)
                throw new ResourceConflictException("The node is Terminated and cannot be changed.");
            if (n.ActiveAction is { } busy)
                throw new OperationInProgressException(busy);
            if (request.Nickname is not null)
                n.Nickname = request.Nickname;
            if (request.Tags is not null)
                n.Tags = request.Tags.Select(t => t.Name).Distinct().ToList();
            return true;
        }, cancellationToken) ?? throw NotFound(uuid);
        return await ToResourceAsync(node, cancellationToken);
    }

    /// <summary>
    /// Terminates the node: a cluster's node as one operation on its cluster, which lowers the cluster's target by one
    /// (taking over from a deploy or scale in flight); a host of one's own as an operation on the node itself.
    /// </summary>
    public async Task<(NodeResource Node, ActionRecord Action)> TerminateAsync(
        Caller caller, RequestInfo info, Guid uuid, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var node = await LoadAsync(caller, uuid, cancellationToken);
        if (node.State == NodeState.Terminated)
            throw new ResourceConflictException($"The node is already {Domain.States.ApiNames.Of(node.State)}.");
        // A node being terminated is answered with its terminate in flight (the slot's judgement), else refused.
        if (node.NodeCluster is not { } clusterUuid)
        {
            var (terminating, started) = await ownNodes.StartAsync(caller, info, uuid, durable, cancellationToken);
            return (await ToResourceAsync(terminating, cancellationToken), started);
        }

        var (_, action) = await operations.StartAsync(caller, info, clusterUuid, ClusterOperationKind.TerminateNode, c =>
        {
            if (c.IsTerminated)
                throw new ResourceConflictException("The node's cluster is being terminated.");
            if (!node.IsLive)
                throw new ResourceConflictException($"The node is already {Domain.States.ApiNames.Of(node.State)}.");
            c.TargetNumNodes = Math.Max(0, c.TargetNumNodes - 1);
            // A cluster taken over from a deploy or scale in flight may be Deploying or Scaling already.
            if (NodeClusterStates.Machine.CanMove(c.State, NodeClusterState.Scaling))
                c.MoveTo(NodeClusterState.Scaling);
        }, durable, uuid, cancellationToken);
        return (await ToResourceAsync(node, cancellationToken), action);
    }

    /// <summary>409 naming the operation in flight on the node's cluster, if any (it may be terminating the node).</summary>
    private async Task RequireClusterIdleAsync(Caller caller, Node node, CancellationToken cancellationToken)
    {
        if (node.NodeCluster is { } clusterUuid && (await clusters.GetAsync(caller.Namespace, clusterUuid, cancellationToken))?.ActiveAction is { } clusterBusy)
            throw new OperationInProgressException(clusterBusy);
    }

    /// <summary>The node with its last heartbeat: one point read of its liveness pointer.</summary>
    private async Task<NodeResource> ToResourceAsync(Node node, CancellationToken cancellationToken) =>
        NodeResource.From(node, await liveness.GetAsync(node.Namespace, node.Uuid, cancellationToken));

    private async Task<Node> LoadAsync(Caller caller, Guid uuid, CancellationToken cancellationToken) =>
        await nodes.GetAsync(caller.Namespace, uuid, cancellationToken) ?? throw NotFound(uuid);

    private static ResourceNotFoundException NotFound(Guid uuid) => new("node", uuid.ToString());
}
