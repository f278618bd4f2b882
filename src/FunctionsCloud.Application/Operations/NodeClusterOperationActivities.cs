using FunctionsCloud.Application.Accounts;
using FunctionsCloud.Application.Actions;
using FunctionsCloud.Application.Agents;
using FunctionsCloud.Application.Configuration;
using FunctionsCloud.Application.Liveness;
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
    ProviderAccountService accounts,
    NodeCredentials credentials,
    LivenessRegistry liveness,
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
            Options.ProviderBatchSize,
            Options.ProvisioningPollSeconds);
    }

    public async Task<NodeOutcome[]> CreateNodesAsync(NodeBatchInput input, CancellationToken cancellationToken = default)
    {
        var op = input.Operation;
        var cluster = await LoadOwnedClusterAsync(op, cancellationToken);
        var batch = new List<Node>();
        foreach (var uuid in input.Nodes)
            batch.Add(await nodes.GetAsync(op.Namespace, uuid, cancellationToken) ?? await AddNodeAsync(cluster, uuid, op, cancellationToken));

        // A node whose machine is recorded was made by an earlier try of this step: the provider is not asked again.
        var pending = batch.Where(n => n.State == NodeState.Deploying && !n.Registered).ToList();
        var toCreate = pending.Where(n => n.ProviderId is null).ToList();
        var results = toCreate.Count == 0 ? [] : await CreateAsync(cluster, toCreate, cancellationToken);

        var log = pending.Where(n => n.ProviderId is not null).Select(n => Created(cluster, n.Uuid, n.ProviderId)).ToList();
        foreach (var result in results)
        {
            await nodes.UpdateAsync(op.Namespace, result.NodeUuid, node => Record(node, result), cancellationToken);
            log.Add(result.Succeeded ? Created(cluster, result.NodeUuid, result.ProviderId) : $"Node {result.NodeUuid} could not be created: {result.Error}");
        }

        await journal.LogStepAsync(op.Namespace, op.ActionUuid, ActionSteps.Key(ClusterOperationNames.CreateNodes, input), log);
        var failed = results.Where(r => !r.Succeeded).Select(r => r.NodeUuid).ToHashSet();
        return batch.Select(n => new NodeOutcome(n.Uuid, n.State != NodeState.Terminated && !failed.Contains(n.Uuid))).ToArray();
    }

    private static string Created(NodeCluster cluster, Guid node, string? providerId) =>
        $"Node {node} created ({cluster.Provider} id {providerId}); waiting for its agent to register.";

    /// <summary>Asks the provider how the new nodes' machines are coming along; failed or vanished ones end Terminated with the reason.</summary>
    public async Task<NodeProvisioningOutcome[]> DescribeNodesAsync(NodeBatchInput input, CancellationToken cancellationToken = default)
    {
        var op = input.Operation;
        var cluster = await LoadOwnedClusterAsync(op, cancellationToken);
        var wanted = input.Nodes.ToHashSet();
        var batch = (await nodes.ListByClusterAsync(op.Namespace, cluster.Uuid, cancellationToken)).Where(n => wanted.Contains(n.Uuid)).ToDictionary(n => n.Uuid);

        var statuses = await providers.Get(cluster.Provider).DescribeNodesAsync(
            new NodeDescriptionRequest(cluster.Uuid, cluster.Region, batch.Values.Select(n => new ProvisionedNode(n.Uuid, n.ProviderId)).ToList(),
                await AccountAsync(cluster, cancellationToken)),
            cancellationToken);
        var log = new List<string>();
        var outcomes = new List<NodeProvisioningOutcome>();
        foreach (var status in statuses)
        {
            var outcome = await RecordProvisioningAsync(op.Namespace, batch.GetValueOrDefault(status.NodeUuid), status, cancellationToken);
            if (outcome == ProvisioningOutcome.Failed)
                log.Add($"Node {status.NodeUuid} could not be created: {FailureOf(status)}");
            outcomes.Add(new NodeProvisioningOutcome(status.NodeUuid, outcome));
        }

        await journal.LogStepAsync(op.Namespace, op.ActionUuid, ActionSteps.Key(ClusterOperationNames.DescribeNodes, input), log);
        return outcomes.ToArray();
    }

    /// <param name="read">The node as the batch read it (null: not read, so read it here).</param>
    private async Task<ProvisioningOutcome> RecordProvisioningAsync(string ns, Node? read, NodeStatus status, CancellationToken cancellationToken)
    {
        Func<Node, bool> change = n =>
        {
            if (n.State != NodeState.Deploying)
                return false; // registered already, or already settled
            if (status.State == NodeProvisioning.Gone && clock.GetUtcNow() - n.CreatedDatetime < JustCreated)
                return false; // clouds may not list a machine for a moment after making it: still pending
            if (status.State is NodeProvisioning.Failed or NodeProvisioning.Gone)
            {
                n.MoveTo(NodeState.Terminated);
                n.LastError = FailureOf(status);
                return true;
            }

            if (status.PublicIp is null || status.PublicIp == n.PublicIp)
                return false;
            n.PublicIp = status.PublicIp;
            return true;
        };
        var node = read is null
            ? await nodes.UpdateAsync(ns, status.NodeUuid, change, cancellationToken)
            : await nodes.UpdateAsync(ns, status.NodeUuid, read, change, cancellationToken);
        return node?.State switch
        {
            NodeState.Terminated or NodeState.Terminating or null => ProvisioningOutcome.Failed,
            NodeState.Deploying when status.State is NodeProvisioning.Pending or NodeProvisioning.Gone => ProvisioningOutcome.Pending,
            _ => ProvisioningOutcome.Running,
        };
    }

    private static readonly TimeSpan JustCreated = TimeSpan.FromMinutes(2);

    private static string FailureOf(NodeStatus status) => status.Error ?? "The provider no longer knows the machine.";

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

        await journal.LogStepAsync(op.Namespace, op.ActionUuid, ActionSteps.Key(ClusterOperationNames.RecordRegistrations, input),
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

        foreach (var node in leaving)
            await liveness.StopAsync(node.Namespace, node.Uuid, cancellationToken);

        var results = leaving.Count == 0 ? [] : await providers.Get(cluster.Provider).TerminateNodesAsync(
            new NodeTerminationRequest(cluster.Uuid, cluster.Region, leaving.Select(n => new ProvisionedNode(n.Uuid, n.ProviderId)).ToList(),
                await AccountAsync(cluster, cancellationToken)),
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

        await journal.LogStepAsync(op.Namespace, op.ActionUuid, ActionSteps.Key(ClusterOperationNames.TerminateNodes, input), log);
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

    /// <summary>
    /// The provider call. A permanent refusal (bad credentials, no linked account, an invalid option) fails
    /// the batch's nodes with the provider's message; transient failures throw, for the activity's retries.
    /// </summary>
    private async Task<IReadOnlyList<NodeCreationResult>> CreateAsync(NodeCluster cluster, IReadOnlyList<Node> batch, CancellationToken cancellationToken)
    {
        try
        {
            var request = new NodeCreationRequest(cluster.Uuid, cluster.Name, cluster.Region, cluster.NodeType, cluster.Disk, cluster.ProviderOptions,
                batch.Select(n => new NodeToCreate(n.Uuid, Bootstrap(n))).ToList(), await AccountAsync(cluster, cancellationToken));
            return await providers.Get(cluster.Provider).CreateNodesAsync(request, cancellationToken);
        }
        catch (ProviderException e) when (!e.IsTransient)
        {
            return batch.Select(n => NodeCreationResult.Failed(n.Uuid, e.Message)).ToList();
        }
    }

    /// <summary>The namespace's linked account for the cluster's provider; a provider that needs one fails without it.</summary>
    private async Task<ProviderAccount?> AccountAsync(NodeCluster cluster, CancellationToken cancellationToken)
    {
        if (!providers.Get(cluster.Provider).NeedsAccount)
            return null;
        return await accounts.LoadAsync(cluster.Namespace, cluster.Provider, cancellationToken)
            ?? throw new ProviderException($"No {cluster.Provider} account is linked to namespace '{cluster.Namespace}'.");
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

    /// <summary>
    /// The token expires a fixed time after the node was recorded, so a retried activity hands the provider
    /// the very same user data (providers' idempotency tokens compare it).
    /// </summary>
    private AgentBootstrap Bootstrap(Node node) => new(
        Options.PublicUrl.TrimEnd('/'),
        credentials.IssueRegistrationToken(new RegistrationClaim(node.Namespace, node.Uuid, node.CredentialVersion,
            node.CreatedDatetime.AddSeconds(Options.RegistrationTokenLifetimeSeconds))));

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
