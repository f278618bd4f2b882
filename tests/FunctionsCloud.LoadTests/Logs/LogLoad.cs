using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Docker.DotNet;
using Docker.DotNet.Models;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.LoadTests.Scale;
using FunctionsCloud.LoadTests.Support;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Crashes;
using FunctionsCloud.Testing.Docker;

namespace FunctionsCloud.LoadTests.Logs;

/// <summary>
/// Container logs under load: N containers on local nodes (real agents, the real Docker engine, Azurite) print lines at
/// a steady rate while one <c>follow=true</c> reader per container reads them through the API. Reports the lines shipped
/// per second and agent, the agents' CPU for them (less their CPU at idle, measured in the same run), the follow delay
/// (a line's engine time until a follower received it; p50, p99, target p99 under 3 s) against the engine's own follow
/// stream as the baseline, and the log blob writes while the containers print nothing (target: none), before they
/// print and after.
/// </summary>
public static class LogLoad
{
    private static readonly TimeSpan TargetP99 = TimeSpan.FromSeconds(3);

    /// <summary>A line reaches storage within the agent's batch window and a follower within one poll more: time enough to drain.</summary>
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(60);

    public static async Task<bool> RunAsync(Arguments arguments, TextWriter output)
    {
        var containers = arguments.Int("containers", 10, 1, 50);
        var nodes = arguments.Int("nodes", 1, 1, 5);
        var rate = arguments.Int("rate", 100, 1, 5000);
        var seconds = arguments.Int("seconds", 20, 1, 600);
        var idle = arguments.Int("idle-seconds", 30, 1, 600);
        var interval = arguments.Int("interval", 10, 1, 60);
        arguments.RequireAllUsed();
        await DockerEngine.EnsureReadyAsync();
        await using var storage = await PrivateStorage.StartAsync();
        var stateRoot = Path.Combine(Path.GetTempPath(), "functionscloud-load", storage.TablePrefix);
        await using var app = await FunctionsCloudTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storage.ConnectionString,
            ["FunctionsCloud:LocalProvider:StateRoot"] = stateRoot,
            ["FunctionsCloud:HeartbeatIntervalSeconds"] = interval.ToString(CultureInfo.InvariantCulture),
            ["FunctionsCloud:ContainerTimeoutSeconds"] = "300",
        });

        output.WriteLine($"logs: {containers} containers on {nodes} local nodes, each printing {rate} lines/s for {seconds} s; idle windows of {idle} s; heartbeat interval {interval} s");
        var nodeUris = await ScaleBenchmark.DeployNodesAsync(app, nodes);
        try
        {
            var service = await StartQuietServiceAsync(app, containers);
            var figures = await MeasureAsync(app, storage, service, new AgentCpu([.. AgentProcesses.Under(stateRoot).Values.SelectMany(p => p)]), rate, seconds, idle);
            return Report(figures, nodes, containers * rate * seconds, output);
        }
        finally
        {
            await Task.WhenAll(nodeUris.Select(uri => DockerCli.RemoveLabelledAsync($"{NodeContainerLabels.Node}={uri.TrimEnd('/').Split('/')[^1]}")));
        }
    }

    /// <summary>What one run measured.</summary>
    /// <param name="IdleCpu">The agents' CPU per second of the idle window before any output.</param>
    /// <param name="LoadCpu">Their CPU from the printers' start until the last line reached a follower.</param>
    private sealed record Figures(
        LogFollowers Followers, DateTimeOffset PrintStarted, TimeSpan IdleCpu, TimeSpan LoadCpu, int Appends,
        int IdleWritesBefore, int IdleWritesAfter, TimeSpan Idle, int Agents);

    private static async Task<Figures> MeasureAsync(FunctionsCloudTestHost app, PrivateStorage storage, string service, AgentCpu cpu, int rate, int seconds, int idle)
    {
        var uuid = Guid.Parse(service.TrimEnd('/').Split('/')[^1]);
        var containerUris = (await app.GetJsonAsync($"/api/app/v1/container/?service={Uri.EscapeDataString(service)}&limit=100"))["objects"]!.AsArray()
            .Select(c => (string)c!["resource_uri"]!).ToList();
        using var docker = new DockerClientConfiguration().CreateClient();
        var dockerIds = (await docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{NodeContainerLabels.Service}={uuid}"] = true } },
        })).Select(c => c.ID).ToList();
        var writes = new LogBlobWrites(storage.ConnectionString);
        var idleWindow = TimeSpan.FromSeconds(idle);

        // Idle before any output: the agents follow their containers, which print nothing.
        var (idleWritesBefore, idleCpu) = await IdleAsync(writes, cpu, idleWindow);

        using var http = app.NewClient(FunctionsCloudTestHost.AdminUser, app.AdminKey);
        http.Timeout = Timeout.InfiniteTimeSpan;
        await using var followers = new LogFollowers();
        var since = DateTimeOffset.UtcNow;
        followers.FollowApi(http, containerUris, since);
        followers.FollowEngine(docker, dockerIds, since);
        await Task.Delay(TimeSpan.FromSeconds(2)); // the followers' streams open

        var before = await writes.LookAsync();
        var cpuBefore = cpu.Used();
        var started = DateTimeOffset.UtcNow;
        var expected = (long)dockerIds.Count * rate * seconds;
        await LogPrinters.StartAsync(dockerIds, rate, rate * seconds);
        await Eventually.HoldsAsync(() => Task.FromResult(followers.Received >= expected), TimeSpan.FromSeconds(seconds) + Drain, $"{expected} lines followed");
        var loadCpu = cpu.Used() - cpuBefore;
        var appends = LogBlobWrites.Between(before, await writes.LookAsync());

        // Idle after output: every line is stored (the followers read them all), and nothing more comes.
        var (idleWritesAfter, _) = await IdleAsync(writes, cpu, idleWindow);
        return new Figures(followers, started, idleCpu, loadCpu, appends, idleWritesBefore, idleWritesAfter, idleWindow, cpu.Processes);
    }

    /// <summary>The log blob writes and the agents' CPU per second over an idle window.</summary>
    private static async Task<(int Writes, TimeSpan CpuPerSecond)> IdleAsync(LogBlobWrites writes, AgentCpu cpu, TimeSpan window)
    {
        var before = await writes.LookAsync();
        var cpuBefore = cpu.Used();
        await Task.Delay(window);
        var used = cpu.Used() - cpuBefore;
        return (LogBlobWrites.Between(before, await writes.LookAsync()), used / window.TotalSeconds);
    }

    private static bool Report(Figures f, int nodes, long printed, TextWriter output)
    {
        var followers = f.Followers;
        // Rates between the first and the last line, printed (the engine's times) and received: the delay shifts both ends alike.
        var (first, last) = followers.Printed;
        var printing = (last - first).TotalSeconds;
        var (firstArrival, lastArrival) = followers.Arrived;
        var shipping = (lastArrival - firstArrival).TotalSeconds;
        var printedRate = (printed - 1) / Math.Max(printing, 0.001);
        var shippedRate = (followers.Received - 1) / Math.Max(shipping, 0.001);
        var loadCpuShare = f.LoadCpu.TotalSeconds / (lastArrival - f.PrintStarted).TotalSeconds;
        var shippingCpu = loadCpuShare - f.IdleCpu.TotalSeconds;
        output.WriteLine($"  printed {printed} lines in {printing:0.0} s ({printedRate:0} lines/s by the engine's times); followed {followers.Received} through the API, {followers.EngineReceived} on the engine's own streams");
        output.WriteLine($"  shipped {shippedRate:0} lines/s ({shippedRate / nodes:0} per agent), {shippedRate / printedRate:0.00} of the printed rate; {f.Appends} blob writes ({followers.Received / (double)Math.Max(f.Appends, 1):0} lines each)");
        output.WriteLine($"  agent CPU ({f.Agents} processes): {100 * loadCpuShare:0.0} % of a core while shipping, {100 * f.IdleCpu.TotalSeconds:0.0} % at idle; shipping alone {100 * shippingCpu / (shippedRate / 1000):0.0} % of a core per 1,000 lines/s");
        var p50 = followers.Delays.Percentile(50);
        var p99 = followers.Delays.Percentile(99);
        var engineP50 = followers.EngineDelays.Percentile(50);
        var engineP99 = followers.EngineDelays.Percentile(99);
        output.WriteLine($"  follow delay: p50 {p50:0} ms, p99 {p99:0} ms; the engine's own follow stream (baseline): p50 {engineP50:0.0} ms, p99 {engineP99:0.0} ms; added by storage and the API: p50 {p50 - engineP50:0} ms, p99 {p99 - engineP99:0} ms");
        var perNodeMinute = 60 / f.Idle.TotalSeconds / nodes;
        output.WriteLine($"  blob writes at idle: {f.IdleWritesBefore} before any output, {f.IdleWritesAfter} after it ({(f.IdleWritesBefore + f.IdleWritesAfter) * perNodeMinute / 2:0.0} per node per minute)");
        var delayMet = p99 < TargetP99.TotalMilliseconds;
        var idleMet = f.IdleWritesBefore + f.IdleWritesAfter == 0;
        output.WriteLine($"  targets: follow p99 under 3 s {(delayMet ? "met" : "NOT met")}; no blob writes at idle {(idleMet ? "met" : "NOT met")}");
        return delayMet && idleMet;
    }

    private static async Task<string> StartQuietServiceAsync(FunctionsCloudTestHost app, int containers)
    {
        var created = await app.Client.PostAsJsonAsync("/api/app/v1/service/", new
        {
            name = "printers",
            image_name = DockerEngine.TestImage,
            target_num_containers = containers,
            run_command = "sleep 1000000",
        });
        created.EnsureSuccessStatusCode();
        var service = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["resource_uri"]!;
        await ScaleBenchmark.RunAsync(app, app.Client.PostAsync($"{service}start/", null));
        return service;
    }
}
