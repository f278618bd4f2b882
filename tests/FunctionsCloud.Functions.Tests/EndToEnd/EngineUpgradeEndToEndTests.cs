using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Functions.Tests.Support;
using FunctionsCloud.Storage.Nodes;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Docker;
using FunctionsCloud.Testing.Nodes;
using Microsoft.Extensions.DependencyInjection;
using static FunctionsCloud.Functions.Tests.EndToEnd.ServiceEndToEnd;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.EndToEnd;

/// <summary>
/// POST .../docker-upgrade/ on a node FunctionsCloud provisioned on a cloud (DigitalOcean's name and account, its machine
/// the real agent process, started with its one-time token as cloud-init starts it), whose upgrade command is a script
/// of the test's: a Node Upgrade Docker action, the node Upgrading meanwhile, the command's output in the action's log.
/// Nodes whose engine is not FunctionsCloud's, and nodes of another namespace, are refused and nothing changes.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EngineUpgradeEndToEndTests : IAsyncLifetime
{
    private const string Token = "dop_v1_upgrade";
    private const int TimeoutSeconds = 20;
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-engine-upgrade-").FullName;
    private AgentMachineProvider _cloud = null!;
    private ServiceEndToEnd _e2e = null!;

    private string Script => Path.Combine(_dir, "upgrade.sh");

    private string Gate => Path.Combine(_dir, "gate");

    public async Task InitializeAsync()
    {
        await DockerEngine.EnsureReadyAsync();
        _cloud = new AgentMachineProvider("digitalocean", Token, Path.Combine(_dir, "machines"), "--upgrade-command", $"sh {Script}");
        var settings = Settings();
        settings["FunctionsCloud:EngineUpgradeTimeoutSeconds"] = TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _e2e = new ServiceEndToEnd(await StartAsync(settings, services => services.UseOnlyProvider(_cloud)));
        _cloud.App = _e2e.App;
    }

    public async Task DisposeAsync()
    {
        _cloud.Dispose();
        await _e2e.App.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task A_cloud_nodes_engine_is_upgraded_by_its_agent_a_failed_upgrade_fails_with_the_output_and_its_retry_succeeds()
    {
        var node = await DeployCloudNodeAsync();
        await File.WriteAllTextAsync(Script, $"while [ ! -e {Gate} ]; do sleep 0.1; done\necho 'Reading package lists...'\necho 'E: dpkg was interrupted' >&2\nexit 100\n");

        var started = await _e2e.App.Client.PostAsync($"{node}docker-upgrade/", null);
        await ExpectAsync(started, HttpStatusCode.Accepted);
        var failing = ActionUri(started);
        Assert.Equal("Upgrading", (string?)(await started.Content.ReadFromJsonAsync<JsonObject>())!["state"]);
        var again = await _e2e.App.Client.PostAsync($"{node}docker-upgrade/", null);
        await ExpectAsync(again, HttpStatusCode.Conflict);
        Assert.Contains(failing, await again.Content.ReadAsStringAsync());
        await File.WriteAllTextAsync(Gate, "");

        var failed = await _e2e.App.WaitForActionAsync(failing, Patience);
        var failedLog = await _e2e.App.ActionLogAsync(failed);
        Assert.Equal(("Node Upgrade Docker", node, "Failed"), ((string?)failed["action"], (string?)failed["object"], (string?)failed["state"]));
        Assert.Contains("Reading package lists...", failedLog);
        Assert.Contains("E: dpkg was interrupted", failedLog);
        Assert.Contains("The upgrade command exited with status 100.", failedLog);
        Assert.True((bool)failed["can_be_retried"]!);
        Assert.Equal("Deployed", (string?)(await _e2e.App.GetJsonAsync(node))["state"]);

        await File.WriteAllTextAsync(Script, "echo 'Unpacking docker.io (28.0.1) over (27.5.1) ...'\n");
        var retried = await _e2e.SucceedsAsync(await _e2e.App.Client.PostAsync($"{failing}retry/", null));

        var log = await _e2e.App.ActionLogAsync(retried);
        var engine = (await DockerCli.OutputAsync("version", "--format", "{{.Server.Version}}")).Trim();
        Assert.Equal(("Node Upgrade Docker", node), ((string?)retried["action"], (string?)retried["object"]));
        Assert.Contains("Unpacking docker.io (28.0.1) over (27.5.1) ...", log);
        Assert.Contains($"answers again: version {engine}", log);
        var upgraded = await _e2e.App.GetJsonAsync(node);
        Assert.Equal(("Deployed", engine), ((string?)upgraded["state"], (string?)upgraded["docker_version"]));
    }

    [Fact]
    public async Task An_upgrade_whose_agent_does_not_report_in_time_fails_saying_so_and_frees_the_node()
    {
        var silent = await _e2e.App.RegisterNodeAsync(provider: "digitalocean");

        var started = await _e2e.App.Client.PostAsync($"{silent.NodeUri}docker-upgrade/", null);

        await ExpectAsync(started, HttpStatusCode.Accepted);
        var action = await _e2e.App.WaitForActionAsync(ActionUri(started), Patience);
        Assert.Equal("Failed", (string?)action["state"]);
        Assert.Contains($"The node's agent did not report the upgrade within {TimeoutSeconds} s.", await _e2e.App.ActionLogAsync(action));
        Assert.NotEqual("Upgrading", (string?)(await _e2e.App.GetJsonAsync(silent.NodeUri))["state"]);
    }

    [Theory]
    [InlineData("byon", "host of your own")]
    [InlineData("local", "share the Docker engine of the machine")]
    public async Task A_node_whose_engine_is_not_ours_is_a_409_with_the_reason_and_nothing_changes(string provider, string reason)
    {
        var node = await _e2e.App.RegisterNodeAsync(provider: provider);

        var refused = await _e2e.App.Client.PostAsync($"{node.NodeUri}docker-upgrade/", null);

        await ExpectAsync(refused, HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains(reason, await refused.Content.ReadAsStringAsync());
        // Not heartbeating, the node may turn Unreachable meanwhile: what matters is that no upgrade holds it.
        var stored = await _e2e.App.Services.GetRequiredService<INodeStore>().GetAsync(AdminNamespace, node.NodeUuid);
        Assert.Equal((false, (Guid?)null), (stored!.State == NodeState.Upgrading, stored.ActiveAction));
        var actions = await _e2e.App.GetJsonAsync($"/api/audit/v1/action/?object={node.NodeUri}");
        Assert.Empty(actions["objects"]!.AsArray());
    }

    [Fact]
    public async Task Another_namespaces_node_is_a_404_and_is_not_upgraded()
    {
        var theirs = await _e2e.App.RegisterNodeAsync("elsewhere", provider: "digitalocean");

        await ExpectAsync(await _e2e.App.Client.PostAsync($"{theirs.NodeUri}docker-upgrade/", null), HttpStatusCode.NotFound);
        await ExpectAsync(await _e2e.App.Client.PostAsync($"/api/infra/v1/node/{Guid.NewGuid():D}/docker-upgrade/", null), HttpStatusCode.NotFound);

        var stored = await _e2e.App.Services.GetRequiredService<INodeStore>().GetAsync("elsewhere", theirs.NodeUuid);
        Assert.Equal((false, (Guid?)null), (stored!.State == NodeState.Upgrading, stored.ActiveAction));
    }

    /// <summary>Links the account, deploys a cluster of one node there and returns the node's uri.</summary>
    private async Task<string> DeployCloudNodeAsync()
    {
        await ExpectAsync(await _e2e.App.Client.PutAsJsonAsync("/api/infra/v1/provider/digitalocean/account/", new { token = Token }), HttpStatusCode.OK);
        var created = await _e2e.App.Client.PostAsJsonAsync("/api/infra/v1/nodecluster/", new
        {
            name = "droplets",
            target_num_nodes = 1,
            region = "/api/infra/v1/region/digitalocean/ams3/",
            node_type = "/api/infra/v1/nodetype/digitalocean/s-1vcpu-1gb/",
        });
        await ExpectAsync(created, HttpStatusCode.Created);
        var cluster = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["resource_uri"]!;
        await _e2e.SucceedsAsync(await _e2e.App.Client.PostAsync($"{cluster}deploy/", null));
        var nodes = await _e2e.App.GetJsonAsync($"/api/infra/v1/node/?node_cluster={cluster}");
        return (string)Assert.Single(nodes["objects"]!.AsArray())!["resource_uri"]!;
    }
}
