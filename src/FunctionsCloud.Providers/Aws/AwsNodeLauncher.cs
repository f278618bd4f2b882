using Amazon.EC2.Model;
using Amazon.Runtime;
using FunctionsCloud.Providers.Contract;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Providers.Aws;

/// <summary>
/// Launches a creation request's nodes: one RunInstances call per target (zone or subnet) for all the nodes going
/// there, idempotent through EC2's ClientToken. Nodes a zone cannot take (a capacity error, or fewer instances than
/// asked for) move on to the region's next zone; only when every zone has refused them do they fail.
/// Instances map to nodes by AMI launch index (see <see cref="BatchUserData"/>), then each gets its node tag.
/// </summary>
internal sealed partial class AwsNodeLauncher(Ec2Session ec2, LaunchSettings settings, IReadOnlyList<LaunchTarget> targets, int taggingConcurrency, ILogger logger)
{
    private readonly Dictionary<Guid, NodeCreationResult> _results = [];

    public async Task<IReadOnlyList<NodeCreationResult>> LaunchAsync(IReadOnlyList<NodeToCreate> nodes, CancellationToken cancellationToken)
    {
        await AdoptAlreadyLaunchedAsync(nodes, cancellationToken).ConfigureAwait(false);
        var waiting = ZonePlan.Assign(nodes.Where(n => !_results.ContainsKey(n.NodeUuid)).ToList(), targets.Count)
            .Select(group => group.Select(node => new WaitingNode(node, Moves: 0)).ToList())
            .ToArray();

        // Round the targets in order; a target's leftovers join the next target's group before it launches.
        for (var t = 0; waiting.Any(group => group.Count > 0); t = (t + 1) % targets.Count)
        {
            var group = waiting[t];
            waiting[t] = [];
            foreach (var refused in await LaunchGroupAsync(group, targets[t], cancellationToken).ConfigureAwait(false))
            {
                var moves = refused.Node.Moves + 1;
                if (moves >= targets.Count)
                {
                    Fail(refused.Node.Node, refused.Reason);
                }
                else
                {
                    waiting[(t + 1) % targets.Count].Add(refused.Node with { Moves = moves });
                }
            }
        }

        return nodes.Select(n => _results[n.NodeUuid]).ToList();
    }

    /// <summary>
    /// Nodes whose instances an earlier attempt launched and tagged are done. This covers a retry whose set of
    /// nodes differs from the first attempt's (and so whose tokens differ); the same set is covered by the tokens.
    /// </summary>
    private async Task AdoptAlreadyLaunchedAsync(IReadOnlyList<NodeToCreate> nodes, CancellationToken cancellationToken)
    {
        var wanted = nodes.Select(n => n.NodeUuid).ToHashSet();
        foreach (var instance in await ec2.FindNodeInstancesAsync(wanted, cancellationToken).ConfigureAwait(false))
        {
            if (Ec2Tags.NodeOf(instance) is { } node && wanted.Contains(node) && !_results.ContainsKey(node))
            {
                LogAdopted(logger, node, instance.InstanceId);
                _results[node] = Created(node, instance);
            }
        }
    }

    /// <summary>Launches a target's group (in as few calls as user data allows: one, up to about a hundred nodes). Returns the nodes it refused.</summary>
    private async Task<List<RefusedNode>> LaunchGroupAsync(List<WaitingNode> group, LaunchTarget target, CancellationToken cancellationToken)
    {
        var refused = new List<RefusedNode>();
        foreach (var batch in Batches(group.OrderBy(n => n.Node.NodeUuid).ToList()))
        {
            refused.AddRange(await LaunchBatchAsync(batch, target, cancellationToken).ConfigureAwait(false));
        }

        return refused;
    }

    /// <summary>Splits a group by control plane address, then in halves while its user data would exceed EC2's 16 KB.</summary>
    private static IEnumerable<List<WaitingNode>> Batches(List<WaitingNode> group) =>
        group.GroupBy(n => n.Node.Bootstrap.ApiUrl, StringComparer.Ordinal).SelectMany(sameApi => Halves(sameApi.ToList()));

    private static IEnumerable<List<WaitingNode>> Halves(List<WaitingNode> group)
    {
        if (group.Count <= 1 || BatchUserData.Encode(Nodes(group)) is not null)
        {
            return group.Count == 0 ? [] : [group];
        }

        var half = group.Count / 2;
        return Halves(group[..half]).Concat(Halves(group[half..]));
    }

    private async Task<List<RefusedNode>> LaunchBatchAsync(List<WaitingNode> batch, LaunchTarget target, CancellationToken cancellationToken)
    {
        var nodes = Nodes(batch);
        var userData = BatchUserData.Encode(nodes) ?? throw new ProviderException("A node's registration token does not fit in EC2 user data.");
        var clientToken = ClientTokens.For(target, nodes.Select(n => n.NodeUuid));
        List<Instance> instances;
        try
        {
            instances = await RunOrRecoverAsync(settings.RequestFor(target, nodes.Count, userData, clientToken), cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonServiceException ex) when (Ec2Errors.IsZoneCapacity(ex))
        {
            LogZoneRefused(logger, nodes.Count, target.ToString(), ex.ErrorCode);
            return batch.Select(n => new RefusedNode(n, Message(ex))).ToList();
        }
        catch (AmazonServiceException ex)
        {
            LogLaunchFailed(logger, nodes.Count, target.ToString(), ex.ErrorCode);
            nodes.ForEach(n => Fail(n, Message(ex)));
            return [];
        }

        var launched = ByLaunchIndex(instances, nodes);
        foreach (var (node, instance) in launched)
        {
            _results[node.NodeUuid] = Created(node.NodeUuid, instance);
        }

        LogLaunched(logger, launched.Count, nodes.Count, target.ToString(), clientToken);
        await TagNodesAsync(launched, cancellationToken).ConfigureAwait(false);
        var shortfall = $"AWS launched {launched.Count} of {nodes.Count} instances in {target}.";
        return batch.Where(n => !_results.ContainsKey(n.Node.NodeUuid)).Select(n => new RefusedNode(n, shortfall)).ToList();
    }

    /// <summary>
    /// RunInstances; when EC2 says the token was used with other parameters (a retried activity issues fresh
    /// registration tokens, so the user data differs), the instances of the first use are the ones: look them up.
    /// </summary>
    private async Task<List<Instance>> RunOrRecoverAsync(RunInstancesRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await ec2.RunInstancesAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonServiceException ex) when (Ec2Errors.HasCode(ex, Ec2Errors.IdempotentParameterMismatch))
        {
            var earlier = await ec2.FindByClientTokenAsync(request.ClientToken, cancellationToken).ConfigureAwait(false);
            LogRecovered(logger, earlier.Count, request.ClientToken);
            if (earlier.Count == 0)
            {
                throw;
            }

            return earlier;
        }
    }

    /// <summary>Instance with launch index i is node i of the batch: the same rule the user data's token picker follows.</summary>
    private static List<(NodeToCreate Node, Instance Instance)> ByLaunchIndex(List<Instance> instances, List<NodeToCreate> nodes) =>
        instances
            .Select((instance, position) => (Index: instance.AmiLaunchIndex ?? position, Instance: instance))
            .Where(x => x.Index >= 0 && x.Index < nodes.Count)
            .DistinctBy(x => x.Index)
            .Select(x => (nodes[x.Index], x.Instance))
            .ToList();

    /// <summary>
    /// One CreateTags per instance: the node tag differs per instance and CreateTags applies one tag set. Best effort:
    /// the node already has its instance id, and a missing tag only weakens the adoption check of a later retry.
    /// </summary>
    private Task TagNodesAsync(List<(NodeToCreate Node, Instance Instance)> launched, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            launched,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, taggingConcurrency), CancellationToken = cancellationToken },
            async (pair, ct) =>
            {
                try
                {
                    await ec2.CreateTagsAsync(pair.Instance.InstanceId, Ec2Tags.ForNode(settings.ClusterName, pair.Node.NodeUuid), ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is AmazonServiceException or ProviderException)
                {
                    LogTaggingFailed(logger, pair.Node.NodeUuid, pair.Instance.InstanceId, ec2.Credentials.Redact(ex.Message));
                }
            });

    private static NodeCreationResult Created(Guid node, Instance instance) =>
        NodeCreationResult.Created(node, instance.InstanceId, instance.Placement?.AvailabilityZone, instance.PublicIpAddress);

    private void Fail(NodeToCreate node, string reason) => _results[node.NodeUuid] = NodeCreationResult.Failed(node.NodeUuid, reason);

    private string Message(Exception ex) => ec2.Credentials.Redact(Ec2Errors.Describe(ex));

    private static List<NodeToCreate> Nodes(IEnumerable<WaitingNode> batch) => batch.Select(n => n.Node).ToList();

    /// <param name="Moves">How many targets have refused the node so far.</param>
    private sealed record WaitingNode(NodeToCreate Node, int Moves);

    private sealed record RefusedNode(WaitingNode Node, string Reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "AWS node {NodeUuid} already has instance {InstanceId}; not launching it again")]
    private static partial void LogAdopted(ILogger logger, Guid nodeUuid, string instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "AWS launched {Launched} of {Requested} instances in {Target} (client token {ClientToken})")]
    private static partial void LogLaunched(ILogger logger, int launched, int requested, string target, string clientToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AWS refused {Count} instances in {Target} ({ErrorCode}); trying the next zone")]
    private static partial void LogZoneRefused(ILogger logger, int count, string target, string errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AWS could not launch {Count} instances in {Target} ({ErrorCode})")]
    private static partial void LogLaunchFailed(ILogger logger, int count, string target, string errorCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "AWS idempotency token {ClientToken} was used before with other parameters; adopting its {Count} instances")]
    private static partial void LogRecovered(ILogger logger, int count, string clientToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AWS node {NodeUuid}: could not tag instance {InstanceId}: {Reason}")]
    private static partial void LogTaggingFailed(ILogger logger, Guid nodeUuid, string instanceId, string reason);
}
