using System.Text.RegularExpressions;
using Amazon.Runtime;
using FunctionsCloud.Providers.Contract;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Providers.Aws;

/// <summary>
/// Terminates nodes' instances, up to 1000 per TerminateInstances call. An instance EC2 no longer knows counts as
/// terminated. A node without a recorded instance id is looked up by its node tag, so an instance whose launch was
/// never recorded does not outlive its node.
/// </summary>
internal sealed partial class AwsNodeTerminator(Ec2Session ec2, ILogger logger)
{
    private const int MaxInstancesPerCall = 1000;

    // null: terminated (or already gone); otherwise AWS's message.
    private readonly Dictionary<string, string?> _outcomes = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<NodeTerminationResult>> TerminateAsync(IReadOnlyList<ProvisionedNode> nodes, CancellationToken cancellationToken)
    {
        var instancesOf = await InstancesOfAsync(nodes, cancellationToken).ConfigureAwait(false);
        foreach (var chunk in instancesOf.Values.SelectMany(ids => ids).Distinct(StringComparer.Ordinal).Chunk(MaxInstancesPerCall))
        {
            await TerminateChunkAsync([.. chunk], cancellationToken).ConfigureAwait(false);
        }

        return nodes.Select(node => Result(node.NodeUuid, instancesOf[node.NodeUuid])).ToList();
    }

    private async Task<Dictionary<Guid, List<string>>> InstancesOfAsync(IReadOnlyList<ProvisionedNode> nodes, CancellationToken cancellationToken)
    {
        var instancesOf = nodes.DistinctBy(n => n.NodeUuid).ToDictionary(n => n.NodeUuid, n => n.ProviderId is { } id ? new List<string> { id } : []);
        var unrecorded = instancesOf.Where(pair => pair.Value.Count == 0).Select(pair => pair.Key).ToList();
        if (unrecorded.Count > 0)
        {
            foreach (var instance in await ec2.FindNodeInstancesAsync(unrecorded, cancellationToken).ConfigureAwait(false))
            {
                if (Ec2Tags.NodeOf(instance) is { } node && instancesOf.TryGetValue(node, out var ids))
                {
                    ids.Add(instance.InstanceId);
                }
            }
        }

        return instancesOf;
    }

    private async Task TerminateChunkAsync(List<string> instanceIds, CancellationToken cancellationToken)
    {
        var remaining = instanceIds;
        while (remaining.Count > 0)
        {
            try
            {
                await ec2.TerminateInstancesAsync(remaining, cancellationToken).ConfigureAwait(false);
                remaining.ForEach(id => _outcomes[id] = null);
                return;
            }
            catch (AmazonServiceException ex) when (Ec2Errors.HasCode(ex, Ec2Errors.InstanceNotFound))
            {
                // EC2 fails the whole call and names the unknown ids in its message: drop those (gone) and go again.
                var gone = InstanceIds().Matches(ex.Message).Select(m => m.Value).Intersect(remaining, StringComparer.Ordinal).ToList();
                if (gone.Count == 0)
                {
                    await TerminateEachAsync(remaining, cancellationToken).ConfigureAwait(false);
                    return;
                }

                LogAlreadyGone(logger, gone.Count);
                gone.ForEach(id => _outcomes[id] = null);
                remaining = remaining.Except(gone, StringComparer.Ordinal).ToList();
            }
            catch (AmazonServiceException ex) when (remaining.Count > 1 && ex.ErrorCode == "InvalidInstanceID.Malformed")
            {
                await TerminateEachAsync(remaining, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (AmazonServiceException ex)
            {
                LogTerminateFailed(logger, remaining.Count, ex.ErrorCode);
                remaining.ForEach(id => _outcomes[id] = ec2.Credentials.Redact(Ec2Errors.Describe(ex)));
                return;
            }
        }
    }

    /// <summary>The fallback when EC2 does not say which ids it does not know: one call per instance.</summary>
    private async Task TerminateEachAsync(List<string> instanceIds, CancellationToken cancellationToken)
    {
        foreach (var id in instanceIds)
        {
            try
            {
                await ec2.TerminateInstancesAsync([id], cancellationToken).ConfigureAwait(false);
                _outcomes[id] = null;
            }
            catch (AmazonServiceException ex) when (Ec2Errors.HasCode(ex, Ec2Errors.InstanceNotFound))
            {
                _outcomes[id] = null;
            }
            catch (AmazonServiceException ex)
            {
                _outcomes[id] = ec2.Credentials.Redact(Ec2Errors.Describe(ex));
            }
        }
    }

    private NodeTerminationResult Result(Guid nodeUuid, List<string> instanceIds) =>
        instanceIds.Select(id => _outcomes.GetValueOrDefault(id)).FirstOrDefault(error => error is not null) is { } error
            ? new NodeTerminationResult(nodeUuid, false, error)
            : new NodeTerminationResult(nodeUuid, true);

    [GeneratedRegex("i-[0-9a-f]{8,17}")]
    private static partial Regex InstanceIds();

    [LoggerMessage(Level = LogLevel.Information, Message = "AWS knows {Count} of the instances to terminate no more; counting them terminated")]
    private static partial void LogAlreadyGone(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AWS could not terminate {Count} instances ({ErrorCode})")]
    private static partial void LogTerminateFailed(ILogger logger, int count, string errorCode);
}
