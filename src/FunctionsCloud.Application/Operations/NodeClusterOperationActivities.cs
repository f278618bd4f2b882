using FunctionsCloud.Application.Actions;
using FunctionsCloud.Application.Agents;
using FunctionsCloud.Application.Configuration;
using FunctionsCloud.Application.NodeClusters;
using FunctionsCloud.Domain.NodeClusters;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Providers.Contract;
using FunctionsCloud.Storage.NodeClusters;
using FunctionsCloud.Storage.Nodes;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.Operations;

/// <summary>
/// The activities of a cluster operation. Each is idempotent: a retried activity finds the rows it
/// wrote and the machines the provider already made, and never makes a second one.
/// </summary>
public sealed class NodeClusterOperationActivities(
    INodeClusterStore clusters,
    INodeStore nodes,
    ActionJournal journal,
    NodeProviderRegistry providers,
    NodeCredentials credentials,
    IOptions<FunctionsCloudOptions> options,
    TimeProvider clock)
{
    private FunctionsCloudOptions Options => options.Value;

    public async Task<ClusterOperationPlan> BeginAsync(ClusterOperationInput input, CancellationToken cancellationToken = default)
    {
        var cluster = await LoadOwnedClusterAsync(input, cancellationToken);
        var live = (await nodes.ListByClusterAsync(input.Namespace, input.ClusterUuid, cancellationToken)).Where(n => n.IsLive).ToList();
        await journal.StartAsync(input.Namespace, input.ActionUuid, Describe(input, cluster, live.Count));
        return new ClusterOperationPlan(
            cluster.TargetNumNodes,
            live.Select(n => new LiveNode(n.Uuid, n.State == NodeState.Deployed, n.CurrentNumContainers, n.CreatedDatetime)).ToList(),
            Options.RegistrationTimeoutSeconds,
            Options.ProviderBatchSize);
    }

    public async Task<NodeOutcome[]> CreateNodesAsync(NodeBatchInput input, CancellationToken cancellationToken = default)
    {
        var op = input.Operation;
        var cluster = await LoadOwnedClusterAsync(op, cancellationToken);
        var batch = new List<Node>();
        foreach (var uuid in input.Nodes)
            batch.Add(await nodes.GetAsync(op.Namespace, uuid, cancellationToken) ?? await AddNodeAsync(cluster, uuid, op, cancellationToken));

        var toCreate = batch.Where(n => n.State == NodeState.Deploying && !n.Registered).ToList();
        var request = new NodeCreationRequest(cluster.Uuid, cluster.Name, cluster.Region, cluster.NodeType, cluster.Disk, cluster.ProviderOptions,
            toCreate.Select(n => new NodeToCreate(n.Uuid, Bootstrap(n))).ToList());
        var results = toCreate.Count == 0 ? [] : await providers.Get(cluster.Provider).CreateNodesAsync(request, cancellationToken);

        var log = new List<string>();
        foreach (var result in results)
        {
            await nodes.UpdateAsync(op.Namespace, result.NodeUuid, node => Record(node, result), cancellationToken);
            log.Add(result.Succeeded
                ? $"Node {result.NodeUuid} created ({cluster.Provider} id {result.ProviderId}); waiting for its agent to register."
                : $"Node {result.NodeUuid} could not be created: {result.Error}");
        }

        await journal.LogAsync(op.Namespace, op.ActionUuid, log);
        var failed = results.Where(r => !r.Succeeded).Select(r => r.NodeUuid).ToHashSet();
        return batch.Select(n => new NodeOutcome(n.Uuid, n.State != NodeState.Terminated && !failed.Contains(n.Uuid))).ToArray();
    }

    /// <summary>Logs who registered and marks the silent nodes Unreachable, unless they registered after all.</summary>
    public async Task RecordRegistrationsAsync(RegistrationResults input, CancellationToken cancellationToken = default)
    {
        var op = input.Operation;
        foreach (var uuid in input.Silent)
        {
            await nodes.UpdateAsync(op.Namespace, uuid, node =>
            {
                if (node.State != NodeState.Deploying)
                    return false;
                node.MoveTo(NodeState.Unreachable);
                node.LastError = input.SilentReason;
                return true;
            }, cancellationToken);
        }

        await journal.LogAsync(op.Namespace, op.ActionUuid,
            input.Registered.Select(n => $"Node {n}: its agent registered; the node is Deployed.")
                .Concat(input.Silent.Select(n => $"Node {n}: {input.SilentReason} It is Unreachable.")));
    }

    public async Task<NodeOutcome[]> TerminateNodesAsync(NodeBatchInput input, CancellationToken cancellationToken = default)
    {
        var op = input.Operation;
        var cluster = await LoadOwnedClusterAsync(op, cancellationToken);
        var leaving = new List<Node>();
        foreach (var uuid in input.Nodes)
        {
            var node = await nodes.UpdateAsync(op.Namespace, uuid, n =>
            {
                if (n.State is NodeState.Terminating or NodeState.Terminated)
                    return false;
                n.MoveTo(NodeState.Terminating);
                return true;
            }, cancellationToken);
            if (node is not null && node.State != NodeState.Terminated)
                leaving.Add(node);
        }

        var results = leaving.Count == 0 ? [] : await providers.Get(cluster.Provider).TerminateNodesAsync(
            new NodeTerminationRequest(cluster.Uuid, cluster.Region, leaving.Select(n => new ProvisionedNode(n.Uuid, n.ProviderId)).ToList()),
            cancellationToken);

        var log = new List<string>();
        foreach (var result in results)
        {
            await nodes.UpdateAsync(op.Namespace, result.NodeUuid, node =>
            {
                if (!result.Succeeded)
                {
                    node.LastError = result.Error;
                    return true;
                }

                node.MoveTo(NodeState.Terminated);
                node.DestroyedDatetime = clock.GetUtcNow();
                return true;
            }, cancellationToken);
            log.Add(result.Succeeded ? $"Node {result.NodeUuid} terminated." : $"Node {result.NodeUuid} could not be terminated: {result.Error}");
        }

        await journal.LogAsync(op.Namespace, op.ActionUuid, log);
        return results.Select(r => new NodeOutcome(r.NodeUuid, r.Succeeded)).ToArray();
    }

    public async Task<string> CompleteAsync(CompletionInput input, CancellationToken cancellationToken = default)
    {
        var op = input.Operation;
        var deployed = (await nodes.ListByClusterAsync(op.Namespace, op.ClusterUuid, cancellationToken)).Count(n => n.State == NodeState.Deployed);
        var cluster = await clusters.UpdateAsync(op.Namespace, op.ClusterUuid, c =>
        {
            if (c.ActiveAction != op.ActionUuid)
                return false; // already completed by an earlier attempt of this activity
            Settle(c, op.Kind, deployed);
            c.ActiveAction = null;
            return true;
        }, cancellationToken) ?? throw new InvalidOperationException($"Node cluster {op.ClusterUuid} is gone.");

        var succeeded = input.Failure is null && cluster.State is NodeClusterState.Deployed or NodeClusterState.EmptyCluster or NodeClusterState.Terminated;
        var summary = input.Failure is not null
            ? $"Failed: {input.Failure} The cluster is {ApiNames.Of(cluster.State)} with {deployed} of {cluster.TargetNumNodes} nodes deployed."
            : $"The cluster is {ApiNames.Of(cluster.State)}: {deployed} of {cluster.TargetNumNodes} nodes deployed.";
        await journal.FinishAsync(op.Namespace, op.ActionUuid, succeeded, summary);
        return ApiNames.Of(cluster.State);
    }

    private void Settle(NodeCluster cluster, ClusterOperationKind kind, int deployed)
    {
        var now = clock.GetUtcNow();
        if (kind == ClusterOperationKind.Terminate)
        {
            cluster.MoveTo(NodeClusterState.Terminated);
            cluster.DestroyedDatetime = now;
            return;
        }

        var settled = NodeClusterStates.Settled(cluster.TargetNumNodes, deployed);
        if (settled != cluster.State)
            cluster.MoveTo(settled);
        if (deployed > 0)
            cluster.DeployedDatetime ??= now;
    }

    private async Task<NodeCluster> LoadOwnedClusterAsync(ClusterOperationInput input, CancellationToken cancellationToken)
    {
        var cluster = await clusters.GetAsync(input.Namespace, input.ClusterUuid, cancellationToken)
            ?? throw new InvalidOperationException($"Node cluster {input.ClusterUuid} is gone.");
        if (cluster.ActiveAction != input.ActionUuid)
            throw new InvalidOperationException($"Node cluster {input.ClusterUuid} is no longer held by action {input.ActionUuid}.");
        return cluster;
    }

    private async Task<Node> AddNodeAsync(NodeCluster cluster, Guid uuid, ClusterOperationInput op, CancellationToken cancellationToken)
    {
        var node = new Node
        {
            Uuid = uuid,
            Namespace = cluster.Namespace,
            NodeCluster = cluster.Uuid,
            Provider = cluster.Provider,
            Region = cluster.Region,
            NodeType = cluster.NodeType,
            Tags = NodeTags.For(cluster),
            CreatedDatetime = clock.GetUtcNow(),
            Disk = cluster.Disk,
            RegistrationWaiter = op.InstanceId,
        };
        await nodes.CreateAsync(node, cancellationToken);
        return node;
    }

    private AgentBootstrap Bootstrap(Node node) => new(
        Options.PublicUrl.TrimEnd('/'),
        credentials.IssueRegistrationToken(new RegistrationClaim(node.Namespace, node.Uuid, node.CredentialVersion,
            clock.GetUtcNow().AddSeconds(Options.RegistrationTokenLifetimeSeconds))));

    private static bool Record(Node node, NodeCreationResult result)
    {
        if (result.Succeeded)
        {
            node.ProviderId = result.ProviderId;
            node.AvailabilityZone = result.AvailabilityZone ?? node.AvailabilityZone;
            node.PublicIp = result.PublicIp ?? node.PublicIp;
            return true;
        }

        if (node.State != NodeState.Deploying)
            return false;
        node.MoveTo(NodeState.Terminated);
        node.LastError = result.Error;
        return true;
    }

    private static string Describe(ClusterOperationInput input, NodeCluster cluster, int live) => input.Kind switch
    {
        ClusterOperationKind.Deploy => $"Deploying node cluster '{cluster.Name}': {cluster.TargetNumNodes} {cluster.NodeType} nodes on {cluster.Provider}/{cluster.Region}.",
        ClusterOperationKind.Scale => $"Scaling node cluster '{cluster.Name}' from {live} to {cluster.TargetNumNodes} nodes.",
        ClusterOperationKind.Terminate => $"Terminating node cluster '{cluster.Name}' and its {live} nodes.",
        _ => $"Terminating node {input.NodeUuid} of node cluster '{cluster.Name}'.",
    };
}
