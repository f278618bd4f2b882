using FunctionsCloud.Providers.Tests.Aws.Support;

namespace FunctionsCloud.Providers.Tests.Aws;

/// <summary>A retried or replayed activity never launches a second instance for a node.</summary>
public sealed class AwsIdempotencyTests : IDisposable
{
    private readonly AwsScenario _aws = new();

    public void Dispose() => _aws.Dispose();

    [Fact]
    public async Task Client_tokens_are_stable_64_character_hashes_distinct_per_zone()
    {
        var nodes = AwsScenario.Nodes(6);
        await _aws.Provider.CreateNodesAsync(_aws.Request(nodes), CancellationToken.None);
        var first = _aws.Ec2.Calls("RunInstances").ToDictionary(r => r["Placement.AvailabilityZone"]!, r => r["ClientToken"]!);

        using var again = new AwsScenario();
        await again.Provider.CreateNodesAsync(again.Request(nodes.AsEnumerable().Reverse().ToList()), CancellationToken.None);
        var second = again.Ec2.Calls("RunInstances").ToDictionary(r => r["Placement.AvailabilityZone"]!, r => r["ClientToken"]!);

        Assert.Equal(first, second);
        Assert.Equal(3, first.Values.Distinct().Count());
        Assert.All(first.Values, token => Assert.Matches("^[0-9a-f]{64}$", token));
    }

    [Fact]
    public async Task A_replay_after_success_finds_the_tagged_instances_and_launches_nothing()
    {
        var nodes = AwsScenario.Nodes(4);
        var first = await _aws.Provider.CreateNodesAsync(_aws.Request(nodes), CancellationToken.None);
        var launchesBefore = _aws.Ec2.Calls("RunInstances").Count;

        var replay = await _aws.Provider.CreateNodesAsync(_aws.Request(nodes), CancellationToken.None);

        Assert.Equal(first.Select(r => (r.NodeUuid, r.ProviderId)), replay.Select(r => (r.NodeUuid, r.ProviderId)));
        Assert.Equal(launchesBefore, _aws.Ec2.Calls("RunInstances").Count);
        Assert.Equal(4, _aws.Ec2.Instances.Count);
    }

    [Fact]
    public async Task A_replay_that_died_before_tagging_sends_the_same_client_tokens_and_gets_the_same_instances()
    {
        _aws.Ec2.DropTags = true;
        var nodes = AwsScenario.Nodes(5);
        var first = await _aws.Provider.CreateNodesAsync(_aws.Request(nodes), CancellationToken.None);
        var tokens = _aws.Ec2.Calls("RunInstances").Select(r => r["ClientToken"]).Order().ToList();

        var replay = await _aws.Provider.CreateNodesAsync(_aws.Request(nodes), CancellationToken.None);

        var launches = _aws.Ec2.Calls("RunInstances");
        Assert.Equal(tokens.Count * 2, launches.Count);
        Assert.Equal(tokens, launches.Skip(tokens.Count).Select(r => r["ClientToken"]).Order().ToList());
        Assert.Equal(first.Select(r => (r.NodeUuid, r.ProviderId)), replay.Select(r => (r.NodeUuid, r.ProviderId)));
        Assert.Equal(5, _aws.Ec2.Instances.Count);
    }

    [Fact]
    public async Task A_replay_with_fresh_registration_tokens_adopts_the_first_launch_by_client_token()
    {
        // The activity issues new registration tokens on a retry, so the user data differs: EC2 answers
        // IdempotentParameterMismatch, and the instances launched under that token are the nodes'.
        _aws.Ec2.DropTags = true;
        var nodes = AwsScenario.Nodes(3);
        var first = await _aws.Provider.CreateNodesAsync(_aws.Request(nodes), CancellationToken.None);
        var reissued = nodes.Select(n => AwsScenario.Node(n.NodeUuid)).ToList();

        var replay = await _aws.Provider.CreateNodesAsync(_aws.Request(reissued), CancellationToken.None);

        Assert.All(replay, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(first.Select(r => (r.NodeUuid, r.ProviderId)), replay.Select(r => (r.NodeUuid, r.ProviderId)));
        Assert.Equal(3, _aws.Ec2.Instances.Count);
        Assert.Contains(_aws.Ec2.Calls("DescribeInstances"), r => r.Filters().ContainsKey("client-token"));
    }
}
