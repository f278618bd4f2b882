using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DurableTask.Core;
using FunctionsCloud.LoadTests.Support;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Docker;
using Microsoft.DurableTask.Testing.Sidecar;

namespace FunctionsCloud.LoadTests.Walkthrough;

/// <summary>
/// The README's walkthrough end to end (a 3-node local cluster deployed, a service of 6 containers started, scaled to
/// 9, redeployed, terminated, the cluster terminated), real agents and the real Docker engine, timed on the durable
/// backend the product runs on (the Azure Storage task hub on Azurite) against the SDK's in-memory one, alternately in
/// the same run. The in-memory backend serves only as this baseline. Target: the real one at most 1.5 times as slow.
/// </summary>
public static class WalkthroughBenchmark
{
    private const double Target = 1.5;

    public static async Task<bool> RunAsync(Arguments arguments, TextWriter output)
    {
        var rounds = arguments.Int("rounds", 2, 1, 10);
        arguments.RequireAllUsed();
        await DockerEngine.EnsureReadyAsync();
        await using var storage = await PrivateStorage.StartAsync();

        output.WriteLine($"the walkthrough, {rounds} round(s) per backend, alternating");
        var real = new List<TimeSpan>();
        var inMemory = new List<TimeSpan>();
        for (var round = 1; round <= rounds; round++)
        {
            real.Add(await WalkAsync(storage, inMemoryBackend: false));
            inMemory.Add(await WalkAsync(storage, inMemoryBackend: true));
            output.WriteLine($"  round {round}: Azure Storage {real[^1].TotalSeconds:0.0} s, in memory {inMemory[^1].TotalSeconds:0.0} s");
        }

        var ratio = Median(real) / Median(inMemory);
        output.WriteLine($"  medians: Azure Storage {Median(real).TotalSeconds:0.0} s, in memory {Median(inMemory).TotalSeconds:0.0} s");
        output.WriteLine($"  ratio: {ratio:0.00}; target <= {Target}: {(ratio <= Target ? "met" : "NOT met")}");
        return ratio <= Target;
    }

    private static TimeSpan Median(List<TimeSpan> values) => values.Order().ElementAt(values.Count / 2);

    private static async Task<TimeSpan> WalkAsync(PrivateStorage storage, bool inMemoryBackend)
    {
        await using var app = await FunctionsCloudTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storage.ConnectionString,
            ["FunctionsCloud:HeartbeatIntervalSeconds"] = "2",
        }, orchestrationService: inMemoryBackend ? loggers => Both(new InMemoryOrchestrationService(loggers)) : null);
        var clock = Stopwatch.StartNew();
        var cluster = (string)(await app.CreateClusterAsync("walk", 3))["resource_uri"]!;
        try
        {
            await RunAsync(app, app.Client.PostAsync($"{cluster}deploy/", null));
            var created = await app.Client.PostAsJsonAsync("/api/app/v1/service/", new
            {
                name = "web", image_name = "functionscloud/busybox", target_num_containers = 6, deployment_strategy = "HIGH_AVAILABILITY",
                container_ports = new[] { new { protocol = "tcp", inner_port = 80, published = true } },
            });
            var web = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["resource_uri"]!;
            await RunAsync(app, app.Client.PostAsync($"{web}start/", null));
            await RunAsync(app, app.Client.PatchAsJsonAsync(web, new { target_num_containers = 9 }));
            await RunAsync(app, app.Client.PostAsync($"{web}redeploy/", null));
            await RunAsync(app, app.Client.DeleteAsync(web));
            await RunAsync(app, app.Client.DeleteAsync(cluster));
            return clock.Elapsed;
        }
        finally
        {
            foreach (var node in (await app.GetJsonAsync(cluster))["nodes"]!.AsArray())
                await DockerCli.RemoveLabelledAsync($"io.functionscloud.node={((string)node!).TrimEnd('/').Split('/')[^1]}");
        }
    }

    private static (IOrchestrationService, IOrchestrationServiceClient) Both(InMemoryOrchestrationService service) => (service, service);

    private static async Task RunAsync(FunctionsCloudTestHost app, Task<HttpResponseMessage> request)
    {
        using var response = await request;
        var action = await app.WaitForActionAsync(FunctionsCloudTestHost.ActionUri(response), TimeSpan.FromMinutes(5));
        if ((string?)action["state"] != "Success")
            throw new InvalidOperationException($"{action["action"]} ended {action["state"]}: {await app.ActionLogAsync(action)}");
    }
}
