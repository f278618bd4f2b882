using FunctionsCloud.Providers.Tests.Aws.Support;

namespace FunctionsCloud.Providers.Tests.Aws;

/// <summary>Permanent failures fail the nodes with AWS's message (for the action log); credentials never leak.</summary>
public sealed class AwsPermanentFailureTests : IDisposable
{
    private readonly AwsScenario _aws = new();

    public void Dispose() => _aws.Dispose();

    [Fact]
    public async Task A_permanent_error_fails_that_batchs_nodes_with_AWSs_message_and_no_exception()
    {
        _aws.Ec2.Fail("RunInstances", "InvalidSubnetID.NotFound", "The subnet ID 'subnet-0gone' does not exist");

        var results = await _aws.Provider.CreateNodesAsync(
            _aws.Request(AwsScenario.Nodes(3), """{"vpc": {"subnets": ["subnet-0gone"]}}"""), CancellationToken.None);

        Assert.All(results, r => Assert.False(r.Succeeded));
        Assert.All(results, r => Assert.Equal("AWS InvalidSubnetID.NotFound: The subnet ID 'subnet-0gone' does not exist", r.Error));
        Assert.Single(_aws.Ec2.Calls("RunInstances"));
        Assert.Empty(_aws.Clock.Waits);
    }

    [Fact]
    public async Task A_permanent_error_in_one_zone_fails_only_that_zones_nodes()
    {
        _aws.Ec2.RefuseZone("us-east-1b", "UnauthorizedOperation", "You are not authorized to perform this operation.");

        var results = await _aws.Provider.CreateNodesAsync(_aws.Request(AwsScenario.Nodes(6)), CancellationToken.None);

        Assert.Equal(2, results.Count(r => !r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal("AWS UnauthorizedOperation: You are not authorized to perform this operation.", r.Error));
        Assert.Equal(4, results.Count(r => r.Succeeded));
    }

    [Fact]
    public async Task Credentials_never_reach_logs_results_or_exceptions()
    {
        // Some AWS errors echo request details; the provider scrubs the key from whatever it passes on.
        _aws.Ec2.Fail("RunInstances", "InvalidParameterValue", $"Bad request signed by {AwsScenario.AccessKeyId} with {AwsScenario.SecretAccessKey}");
        var results = await _aws.Provider.CreateNodesAsync(_aws.Request(AwsScenario.Nodes(1)), CancellationToken.None);
        _aws.Ec2.Fail("DescribeInstances", "Unavailable", $"Overloaded for {AwsScenario.SecretAccessKey}", status: 503, times: 10);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => _aws.Provider.CreateNodesAsync(_aws.Request(AwsScenario.Nodes(1)), CancellationToken.None));

        Assert.Null(error.InnerException);
        var everything = string.Join("\n", _aws.Logger.Lines.Append(error.ToString()).Concat(results.Select(r => r.Error ?? string.Empty)));
        Assert.Contains("InvalidParameterValue", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(AwsScenario.SecretAccessKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(AwsScenario.AccessKeyId, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(AwsScenario.SecretAccessKey, AwsScenario.Account.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_aws.Ec2.Bodies, body => body.Contains(AwsScenario.SecretAccessKey, StringComparison.Ordinal));
        Assert.DoesNotContain(_aws.Ec2.AuthorizationHeaders, header => header.Contains(AwsScenario.SecretAccessKey, StringComparison.Ordinal));
    }
}
