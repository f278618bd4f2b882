using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Docker.DotNet;
using Docker.DotNet.Models;
using FunctionsCloud.LoadTests.Support;
using FunctionsCloud.Storage.Containers;
using FunctionsCloud.Storage.Liveness;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Docker;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsCloud.LoadTests.Scale;

/// <summary>
/// Scales a service from 0 to N containers on 3 local nodes (real agents, the real Docker engine) and times it
/// until the action says every container is Running. The target: at most one heartbeat interval (an agent hears
/// of its new containers with its next heartbeat) plus what Docker itself needs, measured in the same run by
/// starting the same number of containers straight through the engine, as many at once as the agents do. Each round
/// also splits its time by the engine's own timestamps: the wait until the engine creates the first container (the
/// heartbeat wait, then the agents fetching their containers), the engine's work from then until the last container
/// started, and the report of that start reaching the control plane.
/// </summary>
public static class ScaleBenchmark
{
    private const int AgentParallelism = 8;

    public static async Task<bool> RunAsync(Arguments arguments, TextWriter output)
    {
        var containers = arguments.Int("containers", 30, 1, 100);
        var nodes = arguments.Int("nodes", 3, 1, 10);
        var interval = arguments.Int("interval", 10, 1, 60);
        var rounds = arguments.Int("rounds", 3, 1, 20);
        var worstPhase = arguments.Choice("phase", "any", "any", "worst") == "worst";
        arguments.RequireAllUsed();
        await DockerEngine.EnsureReadyAsync();
        await using var storage = await PrivateStorage.StartAsync();

        output.WriteLine($"scale a service 0 -> {containers} containers on {nodes} local nodes, heartbeat interval {interval} s, {rounds} rounds{(worstPhase ? ", each right after a heartbeat" : "")}");
        var measured = await ScaleAsync(storage, containers, nodes, interval, rounds, worstPhase, output);
        var scaled = Median(measured.Select(m => m.Running));
        var bound = TimeSpan.FromSeconds(interval) + Median(measured.Select(m => m.Docker));
        output.WriteLine($"  medians: Running {scaled.TotalSeconds:0.0} s, action ended {Median(measured.Select(m => m.Settled)).TotalSeconds:0.0} s, Docker alone {(bound.TotalSeconds - interval):0.0} s");
        output.WriteLine($"  median split: {Split(Median(measured.Select(m => m.Engine.Waited)), Median(measured.Select(m => m.Engine.Worked)), Median(measured.Select(m => m.Engine.Reported)))}");
        output.WriteLine($"  ratio to one interval + Docker alone: {scaled / bound:0.00}; target <= 1: {(scaled <= bound ? "met" : "NOT met")}");
        return scaled <= bound;
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <param name="Running">From the request until the last container's Running report was recorded.</param>
    /// <param name="Settled">Until the action ended (its next look at the reports, then settling the service).</param>
    /// <param name="Docker">The same containers started straight through the engine, just before (the baseline).</param>
    /// <param name="Engine">The round's time as the engine's timestamps split it.</param>
    private sealed record Round(TimeSpan Running, TimeSpan Settled, TimeSpan Docker, EngineSplit Engine);

    /// <param name="Waited">From the request until the engine created the first container.</param>
    /// <param name="Worked">From then until the engine started the last one.</param>
    /// <param name="Reported">From then until the control plane recorded it Running.</param>
    private sealed record EngineSplit(TimeSpan Waited, TimeSpan Worked, TimeSpan Reported);

    private static string Split(TimeSpan waited, TimeSpan worked, TimeSpan reported) =>
        $"waited {waited.TotalSeconds:0.00} s for the first create, engine worked {worked.TotalSeconds:0.00} s, report recorded {reported.TotalSeconds:0.00} s after the last start";

    /// <summary>Each round: Docker alone, then the service from 0 to N (timed), then back to 0; the heartbeats' phase differs per round.</summary>
    /// <param name="worstPhase">Each request goes right after an agent's heartbeat (the longest wait for that agent).</param>
    private static async Task<IReadOnlyList<Round>> ScaleAsync(
        PrivateStorage storage, int containers, int nodes, int interval, int rounds, bool worstPhase, TextWriter output)
    {
        await using var app = await FunctionsCloudTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storage.ConnectionString,
            ["FunctionsCloud:HeartbeatIntervalSeconds"] = interval.ToString(),
            ["FunctionsCloud:ContainerTimeoutSeconds"] = "300",
        });
        var nodeUris = await DeployNodesAsync(app, nodes);
        try
        {
            var service = await CreateServiceAsync(app, containers);
            await RunAsync(app, app.Client.PostAsync($"{service}start/", null));
            var uuid = Guid.Parse(service.TrimEnd('/').Split('/')[^1]);
            var measured = new List<Round>();
            for (var round = 1; round <= rounds; round++)
            {
                var docker = await DockerAloneAsync(containers, Math.Min(containers, nodes * AgentParallelism));
                if (worstPhase)
                    await JustAfterAHeartbeatAsync(app, nodeUris);
                var requested = DateTimeOffset.UtcNow;
                await RunAsync(app, app.Client.PatchAsJsonAsync(service, new { target_num_containers = containers }));
                var settled = DateTimeOffset.UtcNow - requested;
                var started = (await app.Services.GetRequiredService<IContainerStore>().ListByServiceAsync(FunctionsCloudTestHost.AdminNamespace, uuid))
                    .Where(c => c.IsLive)
                    .Select(c => c.StartedDatetime ?? throw new InvalidOperationException($"{c.Name} has no start recorded."));
                var recorded = started.Max();
                var engine = await EngineSplitAsync(uuid, requested, recorded);
                measured.Add(new Round(recorded - requested, settled, docker, engine));
                output.WriteLine($"  round {round}: Running {measured[^1].Running.TotalSeconds:0.0} s, action ended {settled.TotalSeconds:0.0} s, Docker alone {docker.TotalSeconds:0.0} s; {Split(engine.Waited, engine.Worked, engine.Reported)}");
                await RunAsync(app, app.Client.PatchAsJsonAsync(service, new { target_num_containers = 0 }));
            }

            return measured;
        }
        finally
        {
            await Task.WhenAll(nodeUris.Select(uri => DockerCli.RemoveLabelledAsync($"io.functionscloud.node={uri.TrimEnd('/').Split('/')[^1]}")));
        }
    }

    /// <summary>The service's containers as the engine timed them: first created, last started.</summary>
    private static async Task<EngineSplit> EngineSplitAsync(Guid service, DateTimeOffset requested, DateTimeOffset recorded)
    {
        using var docker = new DockerClientConfiguration().CreateClient();
        var listed = await docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"io.functionscloud.service={service}"] = true } },
        });
        var inspected = await Task.WhenAll(listed.Select(c => docker.Containers.InspectContainerAsync(c.ID)));
        var firstCreated = new DateTimeOffset(inspected.Min(c => c.Created).ToUniversalTime());
        var lastStarted = inspected.Max(c => DateTimeOffset.Parse(c.State.StartedAt, CultureInfo.InvariantCulture));
        return new EngineSplit(firstCreated - requested, lastStarted - firstCreated, recorded - lastStarted);
    }

    /// <summary>Returns right after one of the agents' heartbeats: that agent hears of the change a whole interval later.</summary>
    private static async Task JustAfterAHeartbeatAsync(FunctionsCloudTestHost app, IReadOnlyList<string> nodeUris)
    {
        var liveness = app.Services.GetRequiredService<ILivenessStore>();
        var node = Guid.Parse(nodeUris[0].TrimEnd('/').Split('/')[^1]);
        var seen = (await liveness.GetAsync(FunctionsCloudTestHost.AdminNamespace, node))!.LastSeen;
        while ((await liveness.GetAsync(FunctionsCloudTestHost.AdminNamespace, node))!.LastSeen == seen)
            await Task.Delay(20);
    }

    internal static async Task<IReadOnlyList<string>> DeployNodesAsync(FunctionsCloudTestHost app, int nodes)
    {
        var cluster = await app.CreateClusterAsync("bench", nodes);
        await RunAsync(app, app.Client.PostAsync($"{cluster["resource_uri"]}deploy/", null));
        return (await app.GetJsonAsync((string)cluster["resource_uri"]!))["nodes"]!.AsArray().Select(n => (string)n!).ToList();
    }

    private static async Task<string> CreateServiceAsync(FunctionsCloudTestHost app, int containers)
    {
        var created = await app.Client.PostAsJsonAsync("/api/app/v1/service/", new
        {
            name = "bench",
            image_name = DockerEngine.TestImage,
            target_num_containers = 0,
            container_ports = new[] { new { protocol = "tcp", inner_port = 80, published = true } },
        });
        created.EnsureSuccessStatusCode();
        return (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["resource_uri"]!;
    }

    internal static async Task RunAsync(FunctionsCloudTestHost app, Task<HttpResponseMessage> request)
    {
        var response = await request;
        response.EnsureSuccessStatusCode();
        var action = await app.WaitForActionAsync(FunctionsCloudTestHost.ActionUri(response), TimeSpan.FromMinutes(5));
        if ((string?)action["state"] != "Success")
            throw new InvalidOperationException($"{action["action"]} did not succeed: {await app.ActionLogAsync(action)}");
    }

    /// <summary>The same containers created and started straight through the engine API, as many at once as the agents run.</summary>
    private static async Task<TimeSpan> DockerAloneAsync(int containers, int parallelism)
    {
        var label = Guid.NewGuid().ToString("N");
        using var docker = new DockerClientConfiguration().CreateClient();
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, containers), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (_, ct) =>
        {
            var created = await docker.Containers.CreateContainerAsync(new CreateContainerParameters
            {
                Image = DockerEngine.TestImage,
                Labels = new Dictionary<string, string> { ["io.functionscloud.bench"] = label },
                ExposedPorts = new Dictionary<string, EmptyStruct> { ["80/tcp"] = default },
                HostConfig = new HostConfig { PortBindings = new Dictionary<string, IList<PortBinding>> { ["80/tcp"] = [new PortBinding { HostPort = "" }] } },
            }, ct);
            await docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), ct);
        });
        var elapsed = watch.Elapsed;
        await DockerCli.RemoveLabelledAsync($"io.functionscloud.bench={label}");
        return elapsed;
    }
}
