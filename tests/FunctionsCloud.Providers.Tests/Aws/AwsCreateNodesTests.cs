using FunctionsCloud.Providers.Tests.Aws.Support;

namespace FunctionsCloud.Providers.Tests.Aws;

/// <summary>Creating nodes: one RunInstances per zone with MinCount/MaxCount, the cluster's tags, its provider_options.</summary>
public sealed class AwsCreateNodesTests : IDisposable
{
    private readonly AwsScenario _aws = new();

    public void Dispose() => _aws.Dispose();

    [Fact]
    public async Task Spreads_nodes_over_the_regions_zones_with_one_RunInstances_per_zone()
    {
        var nodes = AwsScenario.Nodes(7);

        var results = await _aws.Provider.CreateNodesAsync(_aws.Request(nodes), CancellationToken.None);

        Assert.Equal(nodes.Select(n => n.NodeUuid), results.Select(r => r.NodeUuid));
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        var launches = _aws.Ec2.Calls("RunInstances");
        Assert.Equal(["us-east-1a", "us-east-1b", "us-east-1c"], launches.Select(r => r["Placement.AvailabilityZone"]!).Order());
        Assert.Equal([2, 2, 3], launches.Select(r => int.Parse(r["MaxCount"]!)).Order());
        Assert.All(launches, r => Assert.Equal("1", r["MinCount"]));
        Assert.All(launches, r => Assert.Equal("t3.micro", r["InstanceType"]));
        Assert.All(launches, r => Assert.Equal("ami-0c2a1f58a3414ec50", r["ImageId"]));
        Assert.Equal(3, results.Select(r => r.AvailabilityZone).Distinct().Count());
    }

    [Fact]
    public async Task A_hundred_nodes_in_one_zone_cost_one_RunInstances_call()
    {
        var nodes = AwsScenario.Nodes(100);
        _aws.Ec2.SubnetZones["subnet-0aaa"] = "us-east-1a";

        var results = await _aws.Provider.CreateNodesAsync(
            _aws.Request(nodes, """{"vpc": {"id": "vpc-1", "subnets": ["subnet-0aaa"]}}"""), CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        var launch = Assert.Single(_aws.Ec2.Calls("RunInstances"));
        Assert.Equal("100", launch["MaxCount"]);
        Assert.True(UserDataText.Raw(launch["UserData"]!).Length <= 16 * 1024);
        Assert.Equal(100, results.Select(r => r.ProviderId).Distinct().Count());
        Assert.All(results, r => Assert.Equal("us-east-1a", r.AvailabilityZone));
    }

    [Fact]
    public async Task Tags_the_launch_with_the_cluster_and_each_instance_with_its_node()
    {
        var nodes = AwsScenario.Nodes(4);

        var results = await _aws.Provider.CreateNodesAsync(_aws.Request(nodes), CancellationToken.None);

        foreach (var launch in _aws.Ec2.Calls("RunInstances"))
        {
            Assert.Equal("instance", launch["TagSpecification.1.ResourceType"]);
            Assert.Equal("volume", launch["TagSpecification.2.ResourceType"]);
            var tags = launch.Tags("TagSpecification.1.");
            Assert.Equal(_aws.ClusterUuid.ToString("D"), tags["functionscloud:cluster"]);
            Assert.Equal("web", tags["functionscloud:cluster-name"]);
            Assert.Equal("web", tags["Name"]);
        }

        var tagCalls = _aws.Ec2.Calls("CreateTags");
        Assert.Equal(4, tagCalls.Count);
        foreach (var result in results)
        {
            var call = Assert.Single(tagCalls, c => c.List("ResourceId").SequenceEqual([result.ProviderId!]));
            Assert.Equal(result.NodeUuid.ToString("D"), call.Tags()["functionscloud:node"]);
            Assert.Equal($"web-{result.NodeUuid.ToString("N")[..8]}", call.Tags()["Name"]);
        }
    }

    [Fact]
    public async Task Maps_provider_options_disk_and_metadata_options_onto_RunInstances()
    {
        _aws.Ec2.SubnetZones["subnet-0aaa"] = "us-east-1a";
        _aws.Ec2.SubnetZones["subnet-0bbb"] = "us-east-1b";
        const string options = """
            {"vpc": {"id": "vpc-0123", "subnets": ["subnet-0aaa", "subnet-0bbb"], "security_groups": ["sg-0web", "sg-0ssh"]},
             "iam": {"instance_profile_name": "functionscloud-node"}}
            """;

        var results = await _aws.Provider.CreateNodesAsync(_aws.Request(AwsScenario.Nodes(2), options), CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        var launches = _aws.Ec2.Calls("RunInstances");
        Assert.Equal(["subnet-0aaa", "subnet-0bbb"], launches.Select(r => r["SubnetId"]!).Order());
        Assert.Equal(["us-east-1a", "us-east-1b"], results.Select(r => r.AvailabilityZone!).Order());
        foreach (var launch in launches)
        {
            Assert.Null(launch["Placement.AvailabilityZone"]);
            Assert.Equal(["sg-0web", "sg-0ssh"], launch.List("SecurityGroupId"));
            Assert.Equal("functionscloud-node", launch["IamInstanceProfile.Name"]);
            Assert.Equal("/dev/xvda", launch["BlockDeviceMapping.1.DeviceName"]);
            Assert.Equal("40", launch["BlockDeviceMapping.1.Ebs.VolumeSize"]);
            Assert.Equal("gp3", launch["BlockDeviceMapping.1.Ebs.VolumeType"]);
            Assert.Equal("true", launch["BlockDeviceMapping.1.Ebs.DeleteOnTermination"]);
            Assert.Equal("required", launch["MetadataOptions.HttpTokens"]);
        }
    }

    [Fact]
    public async Task Invalid_provider_options_fail_every_node_without_calling_AWS()
    {
        var nodes = AwsScenario.Nodes(2);

        var results = await _aws.Provider.CreateNodesAsync(_aws.Request(nodes, """{"vpc": {"id": "vpc-1"}}"""), CancellationToken.None);

        Assert.All(results, r => Assert.False(r.Succeeded));
        Assert.All(results, r => Assert.Contains("vpc.subnets", r.Error));
        Assert.Empty(_aws.Ec2.Requests);
    }

    [Fact]
    public async Task A_region_without_a_configured_image_fails_its_nodes_with_the_setting_to_add()
    {
        var request = _aws.Request(AwsScenario.Nodes(1)) with { Region = "eu-west-1" };

        var result = Assert.Single(await _aws.Provider.CreateNodesAsync(request, CancellationToken.None));

        Assert.False(result.Succeeded);
        Assert.Contains("FunctionsCloud:Providers:Aws:ImageIds:eu-west-1", result.Error);
        Assert.Empty(_aws.Ec2.Requests);
    }
}
