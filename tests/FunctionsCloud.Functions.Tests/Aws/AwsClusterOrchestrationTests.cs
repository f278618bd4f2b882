using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Providers.Tests.Aws.Support;
using FunctionsCloud.Testing;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Aws;

/// <summary>
/// A node cluster on AWS through the whole app: a linked account, the real AWS SDK against an EC2
/// stand-in, and agents that register with the tokens the machines were booted with.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class AwsClusterOrchestrationTests : IAsyncLifetime
{
    private readonly FakeEc2 _ec2 = new();
    private FunctionsCloudTestHost _app = null!;

    public async Task InitializeAsync() => _app = await StartAsync(new Dictionary<string, string?>
    {
        ["FunctionsCloud:Providers:Aws:ServiceUrl"] = _ec2.Url,
        ["FunctionsCloud:Providers:Aws:RetryBaseDelay"] = "00:00:00.010",
        ["FunctionsCloud:ProvisioningPollSeconds"] = "1",
        ["FunctionsCloud:RegistrationTimeoutSeconds"] = "60",
    });

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _ec2.Dispose();
    }

    [Fact]
    public async Task A_five_node_cluster_whose_first_zone_runs_out_of_capacity_ends_deployed_in_other_zones()
    {
        await ExpectAsync(await _app.Client.PutAsJsonAsync("/api/infra/v1/provider/aws/account/",
            new { access_key_id = AwsScenario.AccessKeyId, secret_access_key = AwsScenario.SecretAccessKey }), HttpStatusCode.OK);
        _ec2.SetCapacity("us-east-1a", 1);
        var create = await _app.Client.PostAsJsonAsync("/api/infra/v1/nodecluster/", new
        {
            name = "ec2",
            target_num_nodes = 5,
            region = "/api/infra/v1/region/aws/us-east-1/",
            node_type = "/api/infra/v1/nodetype/aws/t3.micro/",
        });
        await ExpectAsync(create, HttpStatusCode.Created);
        var cluster = (await create.Content.ReadFromJsonAsync<JsonObject>())!;

        var deploy = await _app.Client.PostAsync($"{cluster["resource_uri"]}deploy/", null);
        await ExpectAsync(deploy, HttpStatusCode.Accepted);
        await BootMachinesAsync(expected: 5);
        var action = await _app.WaitForActionAsync(ActionUri(deploy), TimeSpan.FromSeconds(90));

        Assert.True((string?)action["state"] == "Success", await _app.ActionLogAsync(action));
        var after = await _app.GetJsonAsync((string)cluster["resource_uri"]!);
        Assert.Equal(("Deployed", 5), ((string?)after["state"], (int)after["current_num_nodes"]!));
        var zones = new List<string>();
        foreach (var node in after["nodes"]!.AsArray())
            zones.Add((string)(await _app.GetJsonAsync(node!.ToString()))["availability_zone"]!);
        Assert.Equal(1, zones.Count(z => z == "us-east-1a"));
        Assert.Equal(4, zones.Count(z => z != "us-east-1a"));
        Assert.All(_ec2.Calls("RunInstances"), call => Assert.Equal("1", call["MinCount"]));
        Assert.DoesNotContain(AwsScenario.SecretAccessKey, await _app.ActionLogAsync(action));
    }

    /// <summary>What booting machines do: come up running, and their agents register with the tokens in their user data.</summary>
    private async Task BootMachinesAsync(int expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (_ec2.Instances.Count(i => i.State != "terminated") < expected)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"EC2 saw {_ec2.Instances.Count} of {expected} instances launched.");
            await Task.Delay(100);
        }

        foreach (var instance in _ec2.Instances)
            instance.State = "running";
        var tokens = _ec2.Calls("RunInstances").SelectMany(call => TokenPattern().Matches(UserDataText.Decode(call["UserData"]!)).Select(m => m.Value)).Distinct();
        using var agent = _app.NewClient();
        foreach (var token in tokens)
        {
            var response = await agent.PostAsJsonAsync(AgentRoutes.Register, new AgentRegistrationRequest(token, "ip-10-0-0-1", new NodeInventory(2, 1024, 8, "27.5.1")));
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Unauthorized, await response.Content.ReadAsStringAsync());
        }
    }

    [GeneratedRegex("fcr_[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+")]
    private static partial Regex TokenPattern();
}
