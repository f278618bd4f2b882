using FunctionsCloud.Providers.Contract;
using FunctionsCloud.Providers.Tests.Aws.Support;

namespace FunctionsCloud.Providers.Tests.Aws;

/// <summary>Throttling and transient failures are retried with backoff (on an injected clock), then left to the activity's retry policy.</summary>
public sealed class AwsRetryTests : IDisposable
{
    private readonly AwsScenario _aws = new();

    public void Dispose() => _aws.Dispose();

    [Fact]
    public async Task RequestLimitExceeded_twice_then_success_retries_the_same_call_with_backoff_and_no_real_waiting()
    {
        _aws.Ec2.SubnetZones["subnet-0aaa"] = "us-east-1a";
        _aws.Ec2.Fail("RunInstances", "RequestLimitExceeded", "Request limit exceeded.", status: 503, times: 2);
        var started = TimeProvider.System.GetTimestamp();

        var results = await _aws.Provider.CreateNodesAsync(_aws.Request(AwsScenario.Nodes(3), """{"vpc": {"subnets": ["subnet-0aaa"]}}"""), CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        var launches = _aws.Ec2.Calls("RunInstances");
        Assert.Equal(3, launches.Count);
        Assert.Single(launches.Select(r => r["ClientToken"]).Distinct());
        Assert.Equal(3, _aws.Ec2.Instances.Count);
        Assert.Equal(2, _aws.Clock.Waits.Count);
        Assert.InRange(_aws.Clock.Waits[0], TimeSpan.FromMilliseconds(125), TimeSpan.FromMilliseconds(250));
        Assert.InRange(_aws.Clock.Waits[1], TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500));
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Transient_failures_that_outlast_the_attempts_become_a_transient_ProviderException()
    {
        _aws.Ec2.Fail("RunInstances", "Unavailable", "The server is overloaded.", status: 503, times: 10);

        var error = await Assert.ThrowsAsync<ProviderException>(() => _aws.Provider.CreateNodesAsync(_aws.Request(AwsScenario.Nodes(1)), CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Contains("AWS Unavailable: The server is overloaded.", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, _aws.Ec2.Calls("RunInstances").Count);
        Assert.Equal(3, _aws.Clock.Waits.Count);
    }

    [Fact]
    public async Task Throttled_describe_calls_are_retried()
    {
        _aws.Ec2.Fail("DescribeInstances", "Throttling", "Rate exceeded", status: 429, times: 1);
        var instance = _aws.Ec2.AddInstance("us-east-1a", "running", new Dictionary<string, string> { ["functionscloud:cluster"] = _aws.ClusterUuid.ToString("D") }, "203.0.113.7");

        var status = Assert.Single(await _aws.Provider.DescribeNodesAsync(
            new NodeDescriptionRequest(_aws.ClusterUuid, AwsScenario.Region, [new ProvisionedNode(Guid.NewGuid(), instance.Id)], AwsScenario.Account),
            CancellationToken.None));

        Assert.Equal(NodeProvisioning.Running, status.State);
        Assert.Equal(2, _aws.Ec2.Calls("DescribeInstances").Count);
    }

    [Fact]
    public async Task Tagging_waits_out_an_instance_EC2_does_not_know_yet()
    {
        _aws.Ec2.SubnetZones["subnet-0aaa"] = "us-east-1a";
        _aws.Ec2.Fail("CreateTags", "InvalidInstanceID.NotFound", "The instance ID 'i-00000000000000001' does not exist", times: 1);

        var result = Assert.Single(await _aws.Provider.CreateNodesAsync(
            _aws.Request(AwsScenario.Nodes(1), """{"vpc": {"subnets": ["subnet-0aaa"]}}"""), CancellationToken.None));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(2, _aws.Ec2.Calls("CreateTags").Count);
        Assert.Equal(result.NodeUuid.ToString("D"), Assert.Single(_aws.Ec2.Instances).Tags["functionscloud:node"]);
    }
}
