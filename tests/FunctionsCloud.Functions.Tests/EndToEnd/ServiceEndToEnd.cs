using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Docker;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.EndToEnd;

/// <summary>
/// A 3-node local cluster on the real app, its agents running containers on the real Docker engine, and the API
/// calls a user makes: what the service end-to-end tests share.
/// </summary>
public sealed class ServiceEndToEnd(FunctionsCloudTestHost app)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    public FunctionsCloudTestHost App { get; } = app;

    /// <summary>Settings for quick runs: heartbeats every second, a lost node after 6 s, the monitor every second.</summary>
    public static Dictionary<string, string?> Settings() => new()
    {
        ["FunctionsCloud:HeartbeatIntervalSeconds"] = "1",
        ["FunctionsCloud:UnreachableAfterSeconds"] = "3",
        ["FunctionsCloud:LostAfterSeconds"] = "6",
        ["FunctionsCloud:MonitorSchedule"] = "* * * * * *",
        ["FunctionsCloud:MonitorPeriodSeconds"] = "1",
        ["FunctionsCloud:RegistrationTimeoutSeconds"] = "60",
        ["FunctionsCloud:ContainerTimeoutSeconds"] = "90",
    };

    public async Task<IReadOnlyList<string>> DeployNodesAsync(string name, int count)
    {
        var cluster = await App.CreateClusterAsync(name, count);
        var deploy = await App.Client.PostAsync($"{cluster["resource_uri"]}deploy/", null);
        await SucceedsAsync(deploy);
        var deployed = await App.GetJsonAsync((string)cluster["resource_uri"]!);
        return deployed["nodes"]!.AsArray().Select(n => (string)n!).ToList();
    }

    public async Task<string> CreateServiceAsync(object body)
    {
        var created = await App.Client.PostAsJsonAsync("/api/app/v1/service/", body);
        await ExpectAsync(created, HttpStatusCode.Created);
        return (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["resource_uri"]!;
    }

    /// <summary>Waits for the request's action and expects it to end in Success; returns the action.</summary>
    public async Task<JsonObject> SucceedsAsync(HttpResponseMessage response)
    {
        await ExpectAsync(response, HttpStatusCode.Accepted);
        var action = await App.WaitForActionAsync(ActionUri(response), Patience);
        Assert.True((string?)action["state"] == "Success", $"{action["action"]}: {await App.ActionLogAsync(action)}");
        return action;
    }

    public Task<JsonObject> PostAsync(string uri, string operation) => SendAsync(App.Client.PostAsync(uri + operation + "/", null));

    public Task<JsonObject> ScaleAsync(string uri, int target) =>
        SendAsync(App.Client.PatchAsJsonAsync(uri, new { target_num_containers = target }));

    private async Task<JsonObject> SendAsync(Task<HttpResponseMessage> request) => await SucceedsAsync(await request);

    /// <summary>The service's containers that are not Terminated.</summary>
    public async Task<List<JsonObject>> LiveContainersAsync(string serviceUri)
    {
        var list = await App.GetJsonAsync($"/api/app/v1/container/?service={Uri.EscapeDataString(serviceUri)}&limit=100");
        return list["objects"]!.AsArray().Select(c => (JsonObject)c!).Where(c => (string?)c["state"] != "Terminated").ToList();
    }

    /// <summary>Asks the container's published port 80 on this host for the busybox page.</summary>
    public static async Task<string> AnswerAsync(JsonObject container)
    {
        var port = container["container_ports"]!.AsArray().Single(p => (int?)p!["inner_port"] == 80)!["outer_port"]!.GetValue<int>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        return await http.GetStringAsync($"http://127.0.0.1:{port}/");
    }

    public static object Web(string name, int containers, string strategy = "HIGH_AVAILABILITY") => new
    {
        name,
        image_name = DockerEngine.TestImage,
        target_num_containers = containers,
        deployment_strategy = strategy,
        container_ports = new[] { new { protocol = "tcp", inner_port = 80, published = true } },
    };

    /// <summary>Removes what the test's agents left on the shared engine (containers of lost nodes keep running).</summary>
    public static Task RemoveContainersOfAsync(IEnumerable<string> nodeUris) =>
        Task.WhenAll(nodeUris.Select(uri => DockerCli.RemoveLabelledAsync($"io.functionscloud.node={uri.TrimEnd('/').Split('/')[^1]}")));
}
