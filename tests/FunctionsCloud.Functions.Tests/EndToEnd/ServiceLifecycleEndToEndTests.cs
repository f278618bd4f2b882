using System.Text.Json.Nodes;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Docker;
using static FunctionsCloud.Functions.Tests.EndToEnd.ServiceEndToEnd;

namespace FunctionsCloud.Functions.Tests.EndToEnd;

/// <summary>
/// The walk through a service's life on a 3-node local cluster with real containers: deploy 6 spread
/// 2 per node and answering HTTP, scale to 9 then 2, stop and start, redeploy replacing every container, and a
/// linked db whose variables show inside a web container, and calculated_envvars showing what the containers really get
/// (the image's ENV, overridden by the service's own).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServiceLifecycleEndToEndTests : IAsyncLifetime
{
    private ServiceEndToEnd _e2e = null!;
    private IReadOnlyList<string> _nodes = [];

    public async Task InitializeAsync()
    {
        await DockerEngine.EnsureReadyAsync();
        _e2e = new ServiceEndToEnd(await FunctionsCloudTestHost.StartAsync(Settings()));
    }

    public async Task DisposeAsync()
    {
        await _e2e.App.DisposeAsync();
        await RemoveContainersOfAsync(_nodes);
    }

    [Fact]
    public async Task Web_is_deployed_highly_available_scaled_stopped_started_redeployed_and_linked()
    {
        _nodes = await _e2e.DeployNodesAsync("apps", 3);
        var web = await _e2e.CreateServiceAsync(Web("web", 6));
        Assert.Equal("Not running", (string?)(await _e2e.App.GetJsonAsync(web))["state"]);

        await _e2e.PostAsync(web, "start");
        var six = await _e2e.LiveContainersAsync(web);
        Assert.Equal(6, six.Count);
        Assert.All(six.CountBy(c => (string)c["node"]!), perNode => Assert.Equal(2, perNode.Value));
        Assert.All(six, c => Assert.Equal("Running", (string?)c["state"]));
        foreach (var container in six)
            Assert.Equal("functionscloud", (await AnswerAsync(container)).Trim());
        Assert.Equal("Running", (string?)(await _e2e.App.GetJsonAsync(web))["state"]);

        await _e2e.ScaleAsync(web, 9);
        var nine = await _e2e.LiveContainersAsync(web);
        Assert.Equal(9, nine.Count(c => (string?)c["state"] == "Running"));
        Assert.All(nine.CountBy(c => (string)c["node"]!), perNode => Assert.Equal(3, perNode.Value));

        await _e2e.ScaleAsync(web, 2);
        var two = await _e2e.LiveContainersAsync(web);
        Assert.Equal(2, two.Count);
        Assert.Equal(2, two.Select(c => (string)c["node"]!).Distinct().Count()); // still spread
        Assert.Equal(2, await RunningOnEngineAsync(web));

        await _e2e.PostAsync(web, "stop");
        Assert.All(await _e2e.LiveContainersAsync(web), c => Assert.Equal("Stopped", (string?)c["state"]));
        Assert.Equal("Stopped", (string?)(await _e2e.App.GetJsonAsync(web))["state"]);
        Assert.Equal(0, await RunningOnEngineAsync(web));

        await _e2e.PostAsync(web, "start");
        var started = await _e2e.LiveContainersAsync(web);
        Assert.All(started, c => Assert.Equal("Running", (string?)c["state"]));

        await _e2e.PostAsync(web, "redeploy");
        var redeployed = await _e2e.LiveContainersAsync(web);
        Assert.All(redeployed, c => Assert.Equal("Running", (string?)c["state"]));
        Assert.Empty(redeployed.Select(c => (string?)c["docker_id"]).Intersect(started.Select(c => (string?)c["docker_id"])));
        foreach (var container in redeployed)
            Assert.Equal("functionscloud", (await AnswerAsync(container)).Trim());

        await AssertLinkVariablesAsync();
    }

    /// <summary>db (two containers) linked into app: an app container sees DB_1_..., DB_2_... and the db host names.</summary>
    private async Task AssertLinkVariablesAsync()
    {
        var db = await _e2e.CreateServiceAsync(new
        {
            name = "db",
            image_name = DockerEngine.TestImage,
            target_num_containers = 2,
            container_ports = new[] { new { protocol = "tcp", inner_port = 80, published = true } },
            container_envvars = new[] { new { key = "DB_ROLE", value = "primary" } },
        });
        await _e2e.PostAsync(db, "start");
        var app = await _e2e.CreateServiceAsync(new
        {
            name = "app",
            image_name = DockerEngine.TestImage,
            target_num_containers = 1,
            linked_to_service = new[] { new { name = "db", to_service = db } },
            container_envvars = new[] { new { key = "PATH", value = "/bin:/opt" } },
        });
        await _e2e.PostAsync(app, "start");

        var container = Assert.Single(await _e2e.LiveContainersAsync(app));
        var environment = await DockerCli.OutputAsync("exec", (string)container["docker_id"]!, "env");
        var dbs = await _e2e.LiveContainersAsync(db);
        foreach (var linked in dbs)
        {
            var n = ((string)linked["name"]!).Split('-')[^1];
            var address = (string)linked["private_ip"]!;
            Assert.True(environment.Contains($"DB_{n}_PORT_80_TCP=tcp://{address}:80", StringComparison.Ordinal), environment);
            Assert.Contains($"DB_{n}_PORT_80_TCP_ADDR={address}", environment);
            Assert.Contains($"DB_{n}_ENV_DB_ROLE=primary", environment);
        }

        Assert.Contains("DB_PORT_80_TCP_PROTO=tcp", environment);
        await AssertCalculatedVariablesAsync(db, app, container, environment);
        var hosts = await DockerCli.OutputAsync("exec", (string)container["docker_id"]!, "cat", "/etc/hosts");
        Assert.Contains(" db-1", hosts.Replace('\t', ' '));
    }

    /// <summary>db gets the image's PATH (origin image) beside its own; app's own PATH overrides the image's, as inside the container.</summary>
    private async Task AssertCalculatedVariablesAsync(string db, string app, JsonObject appContainer, string environment)
    {
        var dbVariables = Calculated(await _e2e.App.GetJsonAsync(db));
        Assert.Equal(("/bin", "image"), dbVariables["PATH"]); // the test image's ENV
        Assert.Equal(("primary", "user"), dbVariables["DB_ROLE"]);
        Assert.Equal(dbVariables, Calculated(await _e2e.App.GetJsonAsync((string)(await _e2e.LiveContainersAsync(db))[0]["resource_uri"]!)));

        var appVariables = Calculated(await _e2e.App.GetJsonAsync(app));
        Assert.Contains("PATH=/bin:/opt", environment.Split('\n').Select(line => line.Trim()));
        Assert.Equal(("/bin:/opt", "user"), appVariables["PATH"]);
        Assert.Equal("tutum", appVariables["DB_PORT_80_TCP_PROTO"].Origin);
        Assert.Equal(appVariables, Calculated(await _e2e.App.GetJsonAsync((string)appContainer["resource_uri"]!)));
    }

    /// <summary>calculated_envvars by key (each key is listed once).</summary>
    private static Dictionary<string, (string Value, string Origin)> Calculated(JsonObject resource) =>
        resource["calculated_envvars"]!.AsArray().ToDictionary(v => (string)v!["key"]!, v => ((string)v!["value"]!, (string)v["origin"]!));

    private async Task<int> RunningOnEngineAsync(string service)
    {
        var uuid = service.TrimEnd('/').Split('/')[^1];
        var ids = await DockerCli.OutputAsync("ps", "-q", "--filter", $"label=io.functionscloud.service={uuid}");
        return ids.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
    }
}
