using Amazon.EC2;
using Amazon.EC2.Model;

namespace FunctionsCloud.Providers.Aws;

/// <summary>The EC2 calls the provider makes for one account in one region, each under the retry policy.</summary>
internal sealed class Ec2Session(IAmazonEC2 client, AwsCredentials credentials, Ec2RetryPolicy retry)
{
    /// <summary>Filter values per DescribeInstances filter that EC2 accepts.</summary>
    private const int MaxFilterValues = 200;

    private static readonly string[] LiveStates = ["pending", "running", "stopping", "stopped"];

    public AwsCredentials Credentials => credentials;

    public async Task<List<Instance>> RunInstancesAsync(RunInstancesRequest request, CancellationToken cancellationToken)
    {
        var response = await retry.RunAsync("RunInstances", ct => client.RunInstancesAsync(request, ct), credentials, cancellationToken).ConfigureAwait(false);
        return response.Reservation?.Instances ?? [];
    }

    /// <summary>
    /// Tags one instance. Right after a launch EC2 may not know the instance yet (eventual consistency), so
    /// "not found" is waited out like throttling.
    /// </summary>
    public Task CreateTagsAsync(string instanceId, List<Tag> tags, CancellationToken cancellationToken) =>
        retry.RunAsync(
            "CreateTags",
            ct => client.CreateTagsAsync(new CreateTagsRequest { Resources = [instanceId], Tags = tags }, ct),
            credentials,
            cancellationToken,
            alsoRetry: ex => Ec2Errors.HasCode(ex, Ec2Errors.InstanceNotFound));

    public Task<TerminateInstancesResponse> TerminateInstancesAsync(List<string> instanceIds, CancellationToken cancellationToken) =>
        retry.RunAsync(
            "TerminateInstances",
            ct => client.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = instanceIds }, ct),
            credentials,
            cancellationToken);

    public Task DescribeRegionsAsync(CancellationToken cancellationToken) =>
        retry.RunAsync("DescribeRegions", ct => client.DescribeRegionsAsync(new DescribeRegionsRequest(), ct), credentials, cancellationToken);

    /// <summary>Every instance matching the filters, following NextToken across pages.</summary>
    public async Task<List<Instance>> DescribeInstancesAsync(List<Filter> filters, CancellationToken cancellationToken)
    {
        var instances = new List<Instance>();
        string? nextToken = null;
        do
        {
            var request = new DescribeInstancesRequest { Filters = filters, MaxResults = 1000, NextToken = nextToken };
            var page = await retry.RunAsync("DescribeInstances", ct => client.DescribeInstancesAsync(request, ct), credentials, cancellationToken).ConfigureAwait(false);
            instances.AddRange(page.Reservations?.SelectMany(r => r.Instances ?? []) ?? []);
            nextToken = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
        }
        while (nextToken is not null);

        return instances;
    }

    /// <summary>The live instances already tagged as these nodes' (an earlier attempt launched and tagged them).</summary>
    public async Task<List<Instance>> FindNodeInstancesAsync(IEnumerable<Guid> nodeUuids, CancellationToken cancellationToken)
    {
        var found = new List<Instance>();
        foreach (var chunk in nodeUuids.Select(id => id.ToString("D")).Chunk(MaxFilterValues))
        {
            found.AddRange(await DescribeInstancesAsync(
                [new Filter($"tag:{Ec2Tags.Node}", [.. chunk]), new Filter("instance-state-name", [.. LiveStates])],
                cancellationToken).ConfigureAwait(false));
        }

        return found;
    }

    /// <summary>The instances an earlier RunInstances with this idempotency token launched.</summary>
    public Task<List<Instance>> FindByClientTokenAsync(string clientToken, CancellationToken cancellationToken) =>
        DescribeInstancesAsync([new Filter("client-token", [clientToken])], cancellationToken);

    public Task<List<Instance>> FindClusterInstancesAsync(Guid clusterUuid, CancellationToken cancellationToken) =>
        DescribeInstancesAsync([new Filter($"tag:{Ec2Tags.Cluster}", [clusterUuid.ToString("D")])], cancellationToken);

    public async Task<List<Instance>> FindInstancesByIdAsync(IEnumerable<string> instanceIds, CancellationToken cancellationToken)
    {
        // A filter, not InstanceIds: one unknown id in InstanceIds fails the whole call.
        var found = new List<Instance>();
        foreach (var chunk in instanceIds.Chunk(MaxFilterValues))
        {
            found.AddRange(await DescribeInstancesAsync([new Filter("instance-id", [.. chunk])], cancellationToken).ConfigureAwait(false));
        }

        return found;
    }
}
