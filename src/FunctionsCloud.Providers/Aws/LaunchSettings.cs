using Amazon.EC2;
using Amazon.EC2.Model;

namespace FunctionsCloud.Providers.Aws;

/// <summary>What every instance of a cluster's creation request shares; <see cref="RequestFor"/> adds one batch's specifics.</summary>
internal sealed record LaunchSettings(
    Guid ClusterUuid,
    string ClusterName,
    string ImageId,
    string InstanceType,
    int DiskGb,
    AwsClusterOptions ClusterOptions,
    string RootDeviceName,
    string VolumeType)
{
    /// <summary>One RunInstances call for a batch: MinCount 1 so EC2 launches what it can (the rest try another target).</summary>
    public RunInstancesRequest RequestFor(LaunchTarget target, int count, string userData, string clientToken)
    {
        var request = new RunInstancesRequest
        {
            ImageId = ImageId,
            InstanceType = InstanceType,
            MinCount = 1,
            MaxCount = count,
            ClientToken = clientToken,
            UserData = userData,
            TagSpecifications =
            [
                new TagSpecification { ResourceType = ResourceType.Instance, Tags = Ec2Tags.ForLaunch(ClusterUuid, ClusterName) },
                new TagSpecification { ResourceType = ResourceType.Volume, Tags = Ec2Tags.ForLaunch(ClusterUuid, ClusterName) },
            ],
            BlockDeviceMappings =
            [
                new BlockDeviceMapping
                {
                    DeviceName = RootDeviceName,
                    Ebs = new EbsBlockDevice { VolumeSize = DiskGb, VolumeType = VolumeType, DeleteOnTermination = true },
                },
            ],
            // The user data's token picker speaks IMDSv2; IMDSv1 stays off, as AWS recommends.
            MetadataOptions = new InstanceMetadataOptionsRequest { HttpEndpoint = InstanceMetadataEndpointState.Enabled, HttpTokens = HttpTokensState.Required },
        };
        AddPlacement(request, target);
        AddSecurityGroups(request);
        if (ClusterOptions.InstanceProfileName is { } profile)
        {
            request.IamInstanceProfile = new IamInstanceProfileSpecification { Name = profile };
        }

        return request;
    }

    private static void AddPlacement(RunInstancesRequest request, LaunchTarget target)
    {
        if (target.SubnetId is { } subnet)
        {
            request.SubnetId = subnet;
        }
        else if (target.AvailabilityZone is { } zone)
        {
            request.Placement = new Placement { AvailabilityZone = zone };
        }
    }

    /// <summary>Docker Cloud took security groups by id (sg-…) or, in a default VPC, by name.</summary>
    private void AddSecurityGroups(RunInstancesRequest request)
    {
        var ids = ClusterOptions.SecurityGroups.Where(IsGroupId).ToList();
        var names = ClusterOptions.SecurityGroups.Where(g => !IsGroupId(g)).ToList();
        if (ids.Count > 0)
        {
            request.SecurityGroupIds = ids;
        }

        if (names.Count > 0)
        {
            request.SecurityGroups = names;
        }
    }

    private static bool IsGroupId(string group) => group.StartsWith("sg-", StringComparison.Ordinal);
}
