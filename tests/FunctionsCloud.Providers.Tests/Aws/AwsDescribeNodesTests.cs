using FunctionsCloud.Providers.Contract;
using FunctionsCloud.Providers.Tests.Aws.Support;

namespace FunctionsCloud.Providers.Tests.Aws;

/// <summary>Where nodes stand, from DescribeInstances filtered by the cluster's tag and followed across pages.</summary>
public sealed class AwsDescribeNodesTests : IDisposable
{
    private readonly AwsScenario _aws = new();

    public void Dispose() => _aws.Dispose();

    [Fact]
    public async Task Pages_through_the_clusters_instances_and_maps_their_states()
    {
        _aws.Ec2.DescribePageSize = 2;
        var pending = Add("pending");
        var running = Add("running", "203.0.113.10");
        var terminated = Add("terminated");
        var stopped = Add("stopped");
        var taggedOnly = Add("running", "203.0.113.11", node: Guid.NewGuid());
        _aws.Ec2.AddInstance("us-east-1a", "running", new Dictionary<string, string> { ["functionscloud:cluster"] = Guid.NewGuid().ToString("D") });
        var missing = new ProvisionedNode(Guid.NewGuid(), "i-0000000000000dead");
        var nodes = new[]
        {
            new ProvisionedNode(Guid.NewGuid(), pending.Id),
            new ProvisionedNode(Guid.NewGuid(), running.Id),
            new ProvisionedNode(Guid.NewGuid(), terminated.Id),
            new ProvisionedNode(Guid.NewGuid(), stopped.Id),
            new ProvisionedNode(Guid.Parse(taggedOnly.Tags["functionscloud:node"]), null),
            missing,
        };

        var statuses = await _aws.Provider.DescribeNodesAsync(
            new NodeDescriptionRequest(_aws.ClusterUuid, AwsScenario.Region, nodes, AwsScenario.Account), CancellationToken.None);

        Assert.Equal(nodes.Select(n => n.NodeUuid), statuses.Select(s => s.NodeUuid));
        Assert.Equal(
            [NodeProvisioning.Pending, NodeProvisioning.Running, NodeProvisioning.Gone, NodeProvisioning.Failed, NodeProvisioning.Running, NodeProvisioning.Gone],
            statuses.Select(s => s.State));
        Assert.Equal("203.0.113.10", statuses[1].PublicIp);
        Assert.Equal(taggedOnly.Id, statuses[4].ProviderId);
        Assert.Contains("stopped", statuses[3].Error, StringComparison.Ordinal);

        var pages = _aws.Ec2.Calls("DescribeInstances");
        Assert.Equal(3, pages.Count);
        Assert.Equal([null, "page-2", "page-4"], pages.Select(p => p["NextToken"]));
        Assert.All(pages, p => Assert.Equal([_aws.ClusterUuid.ToString("D")], p.Filters()["tag:functionscloud:cluster"]));
    }

    [Fact]
    public async Task Without_a_cluster_filters_by_the_recorded_instance_ids()
    {
        var running = _aws.Ec2.AddInstance("us-east-1b", "running", publicIp: "198.51.100.4");
        var node = new ProvisionedNode(Guid.NewGuid(), running.Id);

        var status = Assert.Single(await _aws.Provider.DescribeNodesAsync(
            new NodeDescriptionRequest(null, AwsScenario.Region, [node], AwsScenario.Account), CancellationToken.None));

        Assert.Equal(NodeProvisioning.Running, status.State);
        Assert.Equal("198.51.100.4", status.PublicIp);
        Assert.Equal([running.Id], Assert.Single(_aws.Ec2.Calls("DescribeInstances")).Filters()["instance-id"]);
    }

    private FakeInstance Add(string state, string? publicIp = null, Guid? node = null)
    {
        var tags = new Dictionary<string, string> { ["functionscloud:cluster"] = _aws.ClusterUuid.ToString("D") };
        if (node is { } uuid)
        {
            tags["functionscloud:node"] = uuid.ToString("D");
        }

        return _aws.Ec2.AddInstance("us-east-1a", state, tags, publicIp);
    }
}
