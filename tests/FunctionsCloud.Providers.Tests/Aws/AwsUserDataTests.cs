using System.Text.RegularExpressions;
using FunctionsCloud.Providers.Contract;
using FunctionsCloud.Providers.Tests.Aws.Support;

namespace FunctionsCloud.Providers.Tests.Aws;

/// <summary>
/// One RunInstances call gives all its instances one user data, so it carries every node's token by launch index
/// and then runs CloudInit's install step, the same as every other node.
/// </summary>
public sealed partial class AwsUserDataTests : IDisposable
{
    private const string TokenFromFile = "$(cat /run/functionscloud/registration-token)";

    private readonly AwsScenario _aws = new();

    public void Dispose() => _aws.Dispose();

    [Fact]
    public async Task The_install_step_is_CloudInits_and_launch_index_i_picks_node_is_token()
    {
        _aws.Ec2.SubnetZones["subnet-0aaa"] = "us-east-1a";
        var nodes = AwsScenario.Nodes(3);

        var results = await _aws.Provider.CreateNodesAsync(_aws.Request(nodes, """{"vpc": {"subnets": ["subnet-0aaa"]}}"""), CancellationToken.None);

        var launch = Assert.Single(_aws.Ec2.Calls("RunInstances"));
        Assert.False(UserDataText.IsGzip(launch["UserData"]!));
        var document = UserDataText.Decode(launch["UserData"]!);
        Assert.StartsWith("#cloud-config\n", document, StringComparison.Ordinal);

        // Without the token picker, the document is CloudInit's with the instance's own token in the install step.
        var picked = TokensByIndex(document);
        var installStep = WithoutPicker(document);
        var instances = _aws.Ec2.Instances;
        foreach (var node in nodes)
        {
            var instance = Assert.Single(instances, i => i.Id == results.Single(r => r.NodeUuid == node.NodeUuid).ProviderId);
            Assert.Equal(node.Bootstrap.RegistrationToken, picked[instance.LaunchIndex]);
            Assert.Equal(CloudInit.UserData(node.Bootstrap), installStep.Replace(TokenFromFile, picked[instance.LaunchIndex], StringComparison.Ordinal));
        }

        Assert.Contains("imds=http://169.254.169.254/latest", document, StringComparison.Ordinal);
        Assert.Contains("$imds/meta-data/ami-launch-index", document, StringComparison.Ordinal);
        Assert.Contains("X-aws-ec2-metadata-token", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launch_indexes_follow_node_id_order_whatever_the_request_order()
    {
        _aws.Ec2.SubnetZones["subnet-0aaa"] = "us-east-1a";
        var nodes = AwsScenario.Nodes(5).OrderByDescending(n => n.NodeUuid).ToList();

        var results = await _aws.Provider.CreateNodesAsync(_aws.Request(nodes, """{"vpc": {"subnets": ["subnet-0aaa"]}}"""), CancellationToken.None);

        var byId = _aws.Ec2.Instances.ToDictionary(i => i.Id);
        var sorted = nodes.Select(n => n.NodeUuid).Order().ToList();
        Assert.All(results, r => Assert.Equal(sorted.IndexOf(r.NodeUuid), byId[r.ProviderId!].LaunchIndex));
    }

    [Fact]
    public async Task Large_batches_are_gzipped_within_EC2s_16_KB_and_still_hold_every_token()
    {
        _aws.Ec2.SubnetZones["subnet-0aaa"] = "us-east-1a";
        var nodes = AwsScenario.Nodes(100);

        await _aws.Provider.CreateNodesAsync(_aws.Request(nodes, """{"vpc": {"subnets": ["subnet-0aaa"]}}"""), CancellationToken.None);

        var userData = Assert.Single(_aws.Ec2.Calls("RunInstances"))["UserData"]!;
        Assert.True(UserDataText.IsGzip(userData));
        Assert.True(UserDataText.Raw(userData).Length <= 16 * 1024);
        var picked = TokensByIndex(UserDataText.Decode(userData));
        Assert.Equal(nodes.OrderBy(n => n.NodeUuid).Select(n => n.Bootstrap.RegistrationToken), picked.OrderBy(p => p.Key).Select(p => p.Value));
    }

    [Fact]
    public async Task Batches_too_large_for_user_data_are_split_within_a_zone()
    {
        _aws.Ec2.SubnetZones["subnet-0aaa"] = "us-east-1a";
        var nodes = AwsScenario.Nodes(400);

        var results = await _aws.Provider.CreateNodesAsync(_aws.Request(nodes, """{"vpc": {"subnets": ["subnet-0aaa"]}}"""), CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        var launches = _aws.Ec2.Calls("RunInstances");
        Assert.True(launches.Count > 1);
        Assert.Equal(400, launches.Sum(l => int.Parse(l["MaxCount"]!)));
        Assert.All(launches, l => Assert.True(UserDataText.Raw(l["UserData"]!).Length <= 16 * 1024));
    }

    private static Dictionary<int, string> TokensByIndex(string document) =>
        PickerCase().Matches(document).ToDictionary(m => int.Parse(m.Groups[1].Value), m => m.Groups[2].Value);

    /// <summary>The document minus the FunctionsCloud batch comment and the token picker entry.</summary>
    private static string WithoutPicker(string document)
    {
        var lines = document.Split('\n').ToList();
        lines.RemoveAll(line => line.StartsWith("# FunctionsCloud: ", StringComparison.Ordinal) || line.StartsWith("# picks its node", StringComparison.Ordinal));
        var start = lines.IndexOf("  - |");
        var end = lines.FindIndex(start, line => line.StartsWith("  - [", StringComparison.Ordinal));
        lines.RemoveRange(start, end - start);
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"^\s+(\d+)\) token='([^']+)' ;;$", RegexOptions.Multiline)]
    private static partial Regex PickerCase();
}
