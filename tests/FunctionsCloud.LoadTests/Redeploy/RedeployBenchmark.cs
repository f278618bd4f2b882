using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.LoadTests.Scale;
using FunctionsCloud.LoadTests.Support;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Docker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FunctionsCloud.LoadTests.Redeploy;

/// <summary>
/// Redeploys a service of N containers one at a time (sequential_deployment) on local nodes (real agents, the real
/// Docker engine) and counts the service operation's activities: each look at the containers is one, and every look
/// after a step's first followed one wait (a timer, or an event). The orchestration history grows by 2 events an
/// activity (scheduled, completed), 2 a timer (created, fired) or 1 an event, and 2 for each time the orchestrator
/// resumes: <see cref="HistoryEvents"/> derives its size from the counts, as the in-process backend does not serve it.
/// </summary>
public static class RedeployBenchmark
{
    public static async Task<bool> RunAsync(Arguments arguments, TextWriter output)
    {
        var containers = arguments.Int("containers", 30, 1, 100);
        var nodes = arguments.Int("nodes", 1, 1, 10);
        var interval = arguments.Int("interval", 2, 1, 60);
        arguments.RequireAllUsed();
        await DockerEngine.EnsureReadyAsync();
        await using var storage = await PrivateStorage.StartAsync();
        var activities = 0;
        await using var app = await FunctionsCloudTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storage.ConnectionString,
            ["FunctionsCloud:HeartbeatIntervalSeconds"] = interval.ToString(),
            ["FunctionsCloud:ContainerTimeoutSeconds"] = "300",
        }, services => services.Replace(ServiceDescriptor.Transient(provider =>
        {
            Interlocked.Increment(ref activities); // one per service operation activity run: its function is made for each run
            return ActivatorUtilities.CreateInstance<ServiceOperationActivities>(provider);
        })));

        output.WriteLine($"redeploy a service of {containers} containers one at a time on {nodes} local nodes, heartbeat interval {interval} s");
        var nodeUris = await ScaleBenchmark.DeployNodesAsync(app, nodes);
        try
        {
            var service = await CreateServiceAsync(app, containers);
            await ScaleBenchmark.RunAsync(app, app.Client.PostAsync($"{service}start/", null));
            Interlocked.Exchange(ref activities, 0);
            var watch = Stopwatch.StartNew();
            await ScaleBenchmark.RunAsync(app, app.Client.PostAsync($"{service}redeploy/", null));
            var took = watch.Elapsed;

            var looks = Volatile.Read(ref activities) - containers - 2; // less Begin, Complete and one Apply a container
            output.WriteLine($"  took {took.TotalSeconds:0.0} s; {looks} looks at the containers ({looks / (double)containers:0.0} a container); history about {HistoryEvents(containers, looks)} events");
            return true;
        }
        finally
        {
            await Task.WhenAll(nodeUris.Select(uri => DockerCli.RemoveLabelledAsync($"io.functionscloud.node={uri.TrimEnd('/').Split('/')[^1]}")));
        }
    }

    /// <summary>
    /// Start and end (2); Begin, Complete, the steps and the looks (2 each); a wait before every look but a step's
    /// first (2 each, counting a timer; an event costs 1); a resume after each of those (2 each) and the first run (2).
    /// </summary>
    private static int HistoryEvents(int steps, int looks)
    {
        var activities = 2 + steps + looks;
        var waits = looks - steps;
        return 2 + (2 * activities) + (2 * waits) + (2 * (1 + activities + waits));
    }

    private static async Task<string> CreateServiceAsync(FunctionsCloudTestHost app, int containers)
    {
        var created = await app.Client.PostAsJsonAsync("/api/app/v1/service/", new
        {
            name = "rolling",
            image_name = DockerEngine.TestImage,
            target_num_containers = containers,
            sequential_deployment = true,
        });
        created.EnsureSuccessStatusCode();
        return (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["resource_uri"]!;
    }
}
