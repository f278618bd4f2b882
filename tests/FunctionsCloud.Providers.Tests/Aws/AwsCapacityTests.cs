using FunctionsCloud.Providers.Tests.Aws.Support;

namespace FunctionsCloud.Providers.Tests.Aws;

/// <summary>Nodes a zone cannot take move to the region's next zone; only when every zone refuses do they fail.</summary>
public sealed class AwsCapacityTests : IDisposable
{
    private readonly AwsScenario _aws = new();

    public void Dispose() => _aws.Dispose();

    [Fact]
    public async Task Nodes_a_zone_launched_too_few_of_move_to_the_next_zone_in_its_one_call()
    {
        // Six nodes: two per zone. Zone a has room for one, so EC2 launches 1 of MaxCount 2 and the other joins zone b's call.
        _aws.Ec2.SetCapacity("us-east-1a", 1);

        var results = await _aws.Provider.CreateNodesAsync(_aws.Request(AwsScenario.Nodes(6)), CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        var launches = _aws.Ec2.Calls("RunInstances").Select(r => (Zone: r["Placement.AvailabilityZone"], Count: r["MaxCount"])).ToList();
        Assert.Equal([("us-east-1a", "2"), ("us-east-1b", "3"), ("us-east-1c", "2")], launches);
        Assert.Equal(1, results.Count(r => r.AvailabilityZone == "us-east-1a"));
        Assert.Equal(3, results.Count(r => r.AvailabilityZone == "us-east-1b"));
        Assert.Equal(6, _aws.Ec2.Instances.Count);
    }

    [Fact]
    public async Task A_zone_out_of_capacity_hands_its_nodes_to_the_next_zone()
    {
        _aws.Ec2.SetCapacity("us-east-1a", 0);

        var results = await _aws.Provider.CreateNodesAsync(_aws.Request(AwsScenario.Nodes(5)), CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.DoesNotContain(results, r => r.AvailabilityZone == "us-east-1a");
        // Zone a's nodes joined zone b's single call: three calls in all, and b launched what it was asked for.
        var launches = _aws.Ec2.Calls("RunInstances");
        Assert.Equal(3, launches.Count);
        var zoneB = Assert.Single(launches, r => r["Placement.AvailabilityZone"] == "us-east-1b");
        Assert.Equal(results.Count(r => r.AvailabilityZone == "us-east-1b"), int.Parse(zoneB["MaxCount"]!));
        Assert.Equal(5, _aws.Ec2.Instances.Count);
    }

    [Fact]
    public async Task A_zone_that_does_not_offer_the_type_is_skipped()
    {
        _aws.Ec2.RefuseZone("us-east-1c", "Unsupported",
            "Your requested instance type (t3.micro) is not supported in your requested Availability Zone (us-east-1c).");

        var results = await _aws.Provider.CreateNodesAsync(_aws.Request(AwsScenario.Nodes(3)), CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.DoesNotContain(results, r => r.AvailabilityZone == "us-east-1c");
    }

    [Fact]
    public async Task Nodes_every_zone_refuses_fail_with_AWSs_message()
    {
        foreach (var zone in new[] { "us-east-1a", "us-east-1b", "us-east-1c" })
        {
            _aws.Ec2.SetCapacity(zone, 0);
        }

        var results = await _aws.Provider.CreateNodesAsync(_aws.Request(AwsScenario.Nodes(2)), CancellationToken.None);

        Assert.All(results, r => Assert.False(r.Succeeded));
        Assert.All(results, r => Assert.StartsWith("AWS InsufficientInstanceCapacity: We currently do not have sufficient t3.micro capacity", r.Error, StringComparison.Ordinal));
        Assert.Equal(3, _aws.Ec2.Calls("RunInstances").Select(r => r["Placement.AvailabilityZone"]).Distinct().Count());
        Assert.Empty(_aws.Clock.Waits); // EC2 reports capacity with HTTP 500, yet it is never retried in the same zone.
    }
}
