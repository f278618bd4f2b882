using FunctionsCloud.Providers.Contract;
using FunctionsCloud.Providers.Tests.Aws.Support;

namespace FunctionsCloud.Providers.Tests.Aws;

/// <summary>Terminating: batched TerminateInstances, where an instance AWS no longer knows counts as terminated.</summary>
public sealed class AwsTerminateNodesTests : IDisposable
{
    private readonly AwsScenario _aws = new();

    public void Dispose() => _aws.Dispose();

    [Fact]
    public async Task An_instance_AWS_does_not_know_counts_as_terminated()
    {
        var a = _aws.Ec2.AddInstance("us-east-1a", "running");
        var b = _aws.Ec2.AddInstance("us-east-1b", "running");
        var nodes = new[]
        {
            new ProvisionedNode(Guid.NewGuid(), a.Id),
            new ProvisionedNode(Guid.NewGuid(), "i-0000000000000dead"),
            new ProvisionedNode(Guid.NewGuid(), b.Id),
        };

        var results = await _aws.Provider.TerminateNodesAsync(Request(nodes), CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        var calls = _aws.Ec2.Calls("TerminateInstances");
        Assert.Equal(2, calls.Count);
        Assert.Equal([a.Id, "i-0000000000000dead", b.Id], calls[0].List("InstanceId"));
        Assert.Equal([a.Id, b.Id], calls[1].List("InstanceId"));
        Assert.All(new[] { a, b }, i => Assert.Equal("shutting-down", i.State));
    }

    [Fact]
    public async Task Terminates_at_most_a_thousand_instances_per_call()
    {
        var nodes = Enumerable.Range(0, 1001).Select(_ => new ProvisionedNode(Guid.NewGuid(), _aws.Ec2.AddInstance("us-east-1a", "running").Id)).ToList();

        var results = await _aws.Provider.TerminateNodesAsync(Request(nodes), CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal([1000, 1], _aws.Ec2.Calls("TerminateInstances").Select(c => c.List("InstanceId").Count));
    }

    [Fact]
    public async Task A_node_without_a_recorded_instance_is_found_by_its_tag()
    {
        var node = Guid.NewGuid();
        var instance = _aws.Ec2.AddInstance("us-east-1a", "running", new Dictionary<string, string> { ["functionscloud:node"] = node.ToString("D") });

        var results = await _aws.Provider.TerminateNodesAsync(
            Request([new ProvisionedNode(node, null), new ProvisionedNode(Guid.NewGuid(), null)]), CancellationToken.None);

        // The tagged node's instance is terminated; the node that never got an instance has nothing to terminate.
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal("shutting-down", instance.State);
        Assert.Equal([instance.Id], Assert.Single(_aws.Ec2.Calls("TerminateInstances")).List("InstanceId"));
    }

    [Fact]
    public async Task A_permanent_refusal_fails_the_nodes_with_AWSs_message()
    {
        var instance = _aws.Ec2.AddInstance("us-east-1a", "running");
        _aws.Ec2.Fail("TerminateInstances", "OperationNotPermitted", "The instance may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.");

        var result = Assert.Single(await _aws.Provider.TerminateNodesAsync(Request([new ProvisionedNode(Guid.NewGuid(), instance.Id)]), CancellationToken.None));

        Assert.False(result.Succeeded);
        Assert.StartsWith("AWS OperationNotPermitted: The instance may not be terminated.", result.Error, StringComparison.Ordinal);
    }

    private NodeTerminationRequest Request(IReadOnlyList<ProvisionedNode> nodes) => new(_aws.ClusterUuid, AwsScenario.Region, nodes, AwsScenario.Account);
}
