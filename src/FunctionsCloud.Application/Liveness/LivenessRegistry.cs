using FunctionsCloud.Application.Agents;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Liveness;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Storage.Liveness;
using FunctionsCloud.Storage.Nodes;

namespace FunctionsCloud.Application.Liveness;

/// <summary>Which nodes the liveness table watches: from registration until termination.</summary>
public sealed class LivenessRegistry(ILivenessStore liveness, INodeStore nodes, NodeCredentials credentials, LivenessPolicy policy)
{
    /// <summary>
    /// A node that just registered: its first pointer and due row, unless a registration retried (its answer lost)
    /// finds them made already, even one running at the same time. Returns the lease for its first heartbeat and the version of the node's secret.
    /// </summary>
    public async Task<(string Lease, int SecretVersion)> StartAsync(Node node, NodeInventory? inventory, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pointer = await liveness.GetAsync(node.Namespace, node.Uuid, cancellationToken)
            ?? await WatchAsync(node.Namespace, node.Uuid, inventory, unreachable: false, secretVersion: 1, now, cancellationToken);
        return (credentials.IssueLease(HeartbeatLease.Of(pointer)), pointer.SecretVersion);
    }

    /// <summary>
    /// A heartbeat found no pointer. A live, registered node gets one again (it registered before the liveness
    /// table existed, or a crash came between its registration and its pointer); anything else is gone: 404.
    /// </summary>
    public async Task<NodeLiveness> RestoreAsync(NodeIdentity identity, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var node = await nodes.GetAsync(identity.Namespace, identity.NodeUuid, cancellationToken);
        if (node is not { IsLive: true, Registered: true })
            throw new ResourceNotFoundException("node", identity.NodeUuid.ToString());
        return await WatchAsync(node.Namespace, node.Uuid, null, node.State == NodeState.Unreachable, identity.SecretVersion, now, cancellationToken);
    }

    /// <summary>The node is being terminated: no more heartbeats are accepted from it, no more deadlines watched.</summary>
    public Task StopAsync(string @namespace, Guid nodeUuid, CancellationToken cancellationToken) =>
        liveness.RemoveAsync(@namespace, nodeUuid, cancellationToken: cancellationToken);

    private async Task<NodeLiveness> WatchAsync(
        string @namespace, Guid nodeUuid, NodeInventory? inventory, bool unreachable, int secretVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Two retries of one registration (or two heartbeats restoring one pointer) at once: the first writes, the
        // other finds its rows, rather than replace them and strand the first one's due row and lease.
        await liveness.TryAddAsync(new NodeLiveness
        {
            Namespace = @namespace,
            NodeUuid = nodeUuid,
            LastSeen = now,
            Inventory = inventory,
            Unreachable = unreachable,
            SecretVersion = secretVersion,
            DueTicks = policy.DueAfter(nodeUuid, now, unreachable),
        }, cancellationToken);
        // The lease needs the pointer's ETag; registration is rare enough to read it back.
        return await liveness.GetAsync(@namespace, nodeUuid, cancellationToken)
            ?? throw new InvalidOperationException($"The liveness pointer of node {nodeUuid} vanished right after it was written.");
    }
}
