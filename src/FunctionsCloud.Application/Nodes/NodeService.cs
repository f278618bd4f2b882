using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.Liveness;
using FunctionsCloud.Application.Operations;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.NodeClusters;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.Validation;
using FunctionsCloud.Storage.Liveness;
using FunctionsCloud.Storage.Nodes;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.Nodes;

/// <summary>What users do with single nodes.</summary>
public sealed class NodeService(INodeStore nodes, ILivenessStore liveness, LivenessMonitor monitor, ClusterOperationStarter operations)
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

    public async Task<NodeResource> PatchAsync(Caller caller, Guid uuid, PatchNodeRequest request, CancellationToken cancellationToken)
    {
        await LoadAsync(caller, uuid, cancellationToken);
        new Validator()
            .Tags("tags", request.Tags?.Select(t => t.Name))
            .Nickname("nickname", request.Nickname)
            .ThrowIfInvalid();
        var node = await nodes.UpdateAsync(caller.Namespace, uuid, n =>
        {
            if (n.State == NodeState.Terminated)
                throw new ResourceConflictException("The node is Terminated and cannot be changed.");
            if (request.Nickname is not null)
                n.Nickname = request.Nickname;
            if (request.Tags is not null)
                n.Tags = request.Tags.Select(t => t.Name).Distinct().ToList();
            return true;
        }, cancellationToken) ?? throw NotFound(uuid);
        return await ToResourceAsync(node, cancellationToken);
    }

    /// <summary>Terminates the node and lowers its cluster's target by one, as one operation on the cluster.</summary>
    public async Task<(NodeResource Node, ActionRecord Action)> TerminateAsync(
        Caller caller, RequestInfo info, Guid uuid, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var node = await LoadAsync(caller, uuid, cancellationToken);
        if (!node.IsLive)
            throw new ResourceConflictException($"The node is already {Domain.States.ApiNames.Of(node.State)}.");
        if (node.NodeCluster is not { } clusterUuid)
            throw new ResourceConflictException("The node belongs to no node cluster.");
        var (_, action) = await operations.StartAsync(caller, info, clusterUuid, ClusterOperationKind.TerminateNode, c =>
        {
            if (c.IsTerminated)
                throw new ResourceConflictException("The node's cluster is being terminated.");
            c.TargetNumNodes = Math.Max(0, c.TargetNumNodes - 1);
            c.MoveTo(NodeClusterState.Scaling);
        }, durable, uuid, cancellationToken);
        return (await ToResourceAsync(node, cancellationToken), action);
    }

    /// <summary>The node with its last heartbeat: one point read of its liveness pointer.</summary>
    private async Task<NodeResource> ToResourceAsync(Node node, CancellationToken cancellationToken) =>
        NodeResource.From(node, await liveness.GetAsync(node.Namespace, node.Uuid, cancellationToken));

    private async Task<Node> LoadAsync(Caller caller, Guid uuid, CancellationToken cancellationToken) =>
        await nodes.GetAsync(caller.Namespace, uuid, cancellationToken) ?? throw NotFound(uuid);

    private static ResourceNotFoundException NotFound(Guid uuid) => new("node", uuid.ToString());
}
