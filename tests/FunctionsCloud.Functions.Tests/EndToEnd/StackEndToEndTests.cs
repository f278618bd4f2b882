using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Docker;
using static FunctionsCloud.Functions.Tests.EndToEnd.ServiceEndToEnd;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.EndToEnd;

/// <summary>
/// A stack from a stackfile on a 3-node local cluster with real containers: web (busybox httpd, 3 containers, port 80
/// published) linked to db (a named volume); started as one action, web's containers see db's variables and reach it;
/// a file written into db's volume outlives a redeploy; exported and created again under another name it is the same
/// stack; terminated, its services, containers and volumes are gone.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StackEndToEndTests : IAsyncLifetime
{
    private const string Stackfile = $"""
        web:
          image: {DockerEngine.TestImage}
          target_num_containers: 3
          ports:
            - "80"
          links:
            - db
        db:
          image: {DockerEngine.TestImage}
          expose:
            - "80"
          environment:
            ROLE: primary
          volumes:
            - /data
        """;

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
    public async Task A_stackfile_starts_linked_exports_the_same_stack_and_terminates_with_its_services()
    {
        _nodes = await _e2e.DeployNodesAsync("stacks", 3);
        var refused = await CreateAsync("broken", Stackfile + "\n  volume: /data\n");
        await ExpectAsync(refused, HttpStatusCode.BadRequest);
        Assert.Contains("line 16, column 3", await refused.Content.ReadAsStringAsync());
        var shop = await CreatedAsync(await CreateAsync("shop", Stackfile));

        var started = await _e2e.PostAsync(shop, "start");
        Assert.Equal(("Stack Start", shop), ((string?)started["action"], (string?)started["object"]));
        Assert.Equal("Running", (string?)(await _e2e.App.GetJsonAsync(shop))["state"]);
        var services = await ServicesAsync("shop");
        Assert.Equal(["Running", "Running"], services.Values.Select(s => (string?)s["state"]));
        var webs = await _e2e.LiveContainersAsync((string)services["web"]["resource_uri"]!);
        Assert.Equal(3, webs.Count);
        Assert.Equal(3, webs.Select(w => (string?)w["node"]).Distinct().Count());
        foreach (var web in webs)
        {
            Assert.Equal("functionscloud", (await AnswerAsync(web)).Trim());
            var environment = await DockerCli.OutputAsync("exec", (string)web["docker_id"]!, "env");
            Assert.Contains("DB_ENV_ROLE=primary", environment);
            Assert.Contains("DB_PORT_80_TCP_PORT=80", environment);
            var fromDb = await DockerCli.OutputAsync("exec", (string)web["docker_id"]!, "sh", "-c", "wget -q -O - http://$DB_PORT_80_TCP_ADDR:$DB_PORT_80_TCP_PORT/");
            Assert.Equal("functionscloud", fromDb.Trim());
        }

        var db = (string)services["db"]["resource_uri"]!;
        await DockerCli.OutputAsync("exec", await DockerIdAsync(db), "sh", "-c", "echo kept > /data/file");
        await _e2e.PostAsync(shop, "redeploy");
        Assert.Equal("kept", (await DockerCli.OutputAsync("exec", await DockerIdAsync(db), "cat", "/data/file")).Trim());
        var dbContainer = (string)(await _e2e.LiveContainersAsync(db)).Single()["uuid"]!;
        Assert.Single(await DockerCli.VolumesAsync($"io.functionscloud.container={dbContainer}"));

        var exported = await _e2e.App.Client.GetStringAsync($"{shop}export/");
        var copy = await CreatedAsync(await CreateAsync("shop-copy", exported));
        Assert.Equal(exported, await _e2e.App.Client.GetStringAsync($"{copy}export/"));
        Assert.Equal(2, (await ServicesAsync("shop-copy")).Count);

        await _e2e.SucceedsAsync(await _e2e.App.Client.DeleteAsync(shop));
        Assert.Equal("Terminated", (string?)(await _e2e.App.GetJsonAsync(shop))["state"]);
        foreach (var service in services.Values)
        {
            Assert.Equal("Terminated", (string?)(await _e2e.App.GetJsonAsync((string)service["resource_uri"]!))["state"]);
            Assert.Empty(await _e2e.LiveContainersAsync((string)service["resource_uri"]!));
        }

        Assert.Equal("", (await DockerCli.OutputAsync("ps", "-q", "--filter", $"label=io.functionscloud.service={services["web"]["uuid"]}")).Trim());
        await Eventually.HoldsAsync(async () => (await DockerCli.VolumesAsync($"io.functionscloud.container={dbContainer}")).Count == 0,
            Patience, "db's named volume to be removed with its container");
    }

    private async Task<string> DockerIdAsync(string service) => (string)(await _e2e.LiveContainersAsync(service)).Single()["docker_id"]!;

    private Task<HttpResponseMessage> CreateAsync(string name, string stackfile) =>
        _e2e.App.Client.PostAsync($"/api/app/v1/stack/?name={name}", new StringContent(stackfile, Encoding.UTF8, "application/yaml"));

    private static async Task<string> CreatedAsync(HttpResponseMessage created)
    {
        await ExpectAsync(created, HttpStatusCode.Created);
        return (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["resource_uri"]!;
    }

    private async Task<Dictionary<string, JsonObject>> ServicesAsync(string stack)
    {
        var list = await _e2e.App.GetJsonAsync($"/api/app/v1/service/?stack__name={stack}");
        return list["objects"]!.AsArray().Select(s => (JsonObject)s!).OrderBy(s => (string?)s["name"]).ToDictionary(s => (string)s["name"]!);
    }
}
