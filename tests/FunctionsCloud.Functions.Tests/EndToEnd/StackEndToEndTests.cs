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
/// A stack from a stackfile on a 2-node local cluster with real containers: web (busybox httpd, port 80 published)
/// linked to db; started as one action, web's containers see db's variables; exported and created again under another
/// name it is the same stack; terminated, its services and containers are gone.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StackEndToEndTests : IAsyncLifetime
{
    private const string Stackfile = $"""
        web:
          image: {DockerEngine.TestImage}
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
        _nodes = await _e2e.DeployNodesAsync("stacks", 2);
        var refused = await CreateAsync("broken", Stackfile + "\n  volume: /data\n");
        await ExpectAsync(refused, HttpStatusCode.BadRequest);
        Assert.Contains("line 13, column 3", await refused.Content.ReadAsStringAsync());
        var shop = await CreatedAsync(await CreateAsync("shop", Stackfile));

        var started = await _e2e.PostAsync(shop, "start");
        Assert.Equal(("Stack Start", shop), ((string?)started["action"], (string?)started["object"]));
        Assert.Equal("Running", (string?)(await _e2e.App.GetJsonAsync(shop))["state"]);
        var services = await ServicesAsync("shop");
        Assert.Equal(["Running", "Running"], services.Values.Select(s => (string?)s["state"]));
        var web = Assert.Single(await _e2e.LiveContainersAsync((string)services["web"]["resource_uri"]!));
        Assert.Equal("functionscloud", (await AnswerAsync(web)).Trim());
        var environment = await DockerCli.OutputAsync("exec", (string)web["docker_id"]!, "env");
        Assert.Contains("DB_ENV_ROLE=primary", environment);
        Assert.Contains("DB_PORT_80_TCP_PORT=80", environment);

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
    }

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
