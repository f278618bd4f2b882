using System.Net.Http.Headers;
using System.Net.Http.Json;
using FunctionsCloud.Application.Agents;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Liveness;
using FunctionsCloud.Functions;
using FunctionsCloud.LoadTests.Support;
using FunctionsCloud.LocalHost;
using FunctionsCloud.Testing.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.LoadTests.Heartbeats;

/// <summary>
/// <c>heartbeats --agents N --seconds S</c>: the real app on the local host against its own Azurite, N nodes
/// registered through the app with real secrets and leases, the raw single-entity upsert rate of that Azurite, the
/// latency of raw upserts paced as the agents will be, then N simulated agents each sending heartbeats (echoing the
/// lease, as the agent does) for S seconds. Beside the endpoint's latency it reports its parts (the web server's
/// time, the storage requests' time by kind), the process's garbage collections and thread pool, and the slow
/// heartbeats beside Azurite's full collections, so that a tail can be placed: Azurite's, the machine's, or ours.
/// Target: the endpoint sustains at least half the raw upsert rate with p99 latency under 100 ms.
/// </summary>
public static class HeartbeatLoad
{
    private const double TargetRatio = 0.5;
    /// <summary>
    /// Agents are paced to offer this share of the raw rate unless --interval says otherwise: the target and a tenth of
    /// it, so that what is accepted stays above the target when the raw rate varies between runs.
    /// </summary>
    private const double OfferedRatio = 0.55;
    private static readonly TimeSpan MaxP99 = TimeSpan.FromMilliseconds(100);

    public static async Task<bool> RunAsync(Arguments args, TextWriter output)
    {
        var agents = args.Int("agents", 1_000, 1, 10_000);
        var seconds = args.Int("seconds", 20, 1, 300);
        var interval = args.Double("interval", 0.01, 3600);
        args.RequireAllUsed();

        await using var storage = await PrivateStorage.StartAsync(hearCollections: true);
        var server = new ServerTimes();
        await using var app = await StartAppAsync(storage, server);
        var nodes = await RegisterAsync(app, agents);
        output.WriteLine($"Registered {agents:N0} nodes through the app. Machine: {MachineLoad.Describe()}.");

        var raw = await RawUpserts.CreateAsync(storage, agents);
        var (rawRate, saturated) = await raw.SaturateAsync(TimeSpan.FromSeconds(Math.Min(10, seconds)));
        var pace = TimeSpan.FromSeconds(interval ?? agents / (OfferedRatio * rawRate));
        output.WriteLine($"Raw single-entity upserts against this Azurite: {rawRate:F0}/s (64 in flight: {saturated.Summary()}). Each agent beats every {pace.TotalSeconds:F3} s: {agents / pace.TotalSeconds:F0}/s offered.");
        var rawCpu = RuntimePressure.Start();
        var paced = await PacedAgents.RunAsync(agents, pace, TimeSpan.FromSeconds(Math.Min(10, seconds)), raw.UpsertAsync);
        var rawCpuEach = await CpuEachAsync(rawCpu, paced);
        output.WriteLine($"Baseline, raw upserts paced as the agents, no app: {paced.Latencies.Summary()}, {paced.Failed} failed; this process's CPU per upsert {rawCpuEach:F3} ms.");
        await CompareGridsAsync(output, storage, app.Services.GetRequiredService<LivenessPolicy>(), agents, pace, TimeSpan.FromSeconds(Math.Min(10, seconds)));

        storage.Requests.Clear();
        var pressure = RuntimePressure.Start();
        var credentials = app.Services.GetRequiredService<NodeCredentials>();
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var agentsHold = nodes.Select(n => new HeldByAgent(n.Lease, LogsExpires: null)).ToArray();
        var run = await PacedAgents.RunAsync(agents, pace, TimeSpan.FromSeconds(seconds), async i =>
        {
            var (kind, held) = await SendAsync(http, credentials, nodes[i], agentsHold[i]);
            agentsHold[i] = held;
            return kind;
        }, measuring: () =>
        {
            storage.Times.Clear();
            server.Recording = true;
        });
        server.Recording = false;
        var cpuEach = await CpuEachAsync(pressure, run);
        var runtime = await pressure.StopAsync();
        Report(output, storage, run, server, runtime, seconds);
        SlowMoments.Report(output, run, storage.Collections);
        output.WriteLine($"Machine after the run: {MachineLoad.Describe()}.");
        var rate = run.Accepted / seconds;
        var p99 = run.Latencies.Percentile(99);
        output.WriteLine($"Heartbeats: {rate:F0}/s accepted over {seconds} s ({run.Failed} failed), {rate / rawRate:P0} of the raw upsert rate; latency {run.Latencies.Summary()}.");
        output.WriteLine($"CPU of this process (app and load generator) per heartbeat {cpuEach:F3} ms, {cpuEach / rawCpuEach:F1}x a paced raw upsert's.");
        output.WriteLine($"Tail against the baseline in this run: endpoint p99 {p99:F1} ms is {p99 / paced.Latencies.Percentile(99):F1}x the paced raw upserts' p99 ({paced.Latencies.Percentile(99):F1} ms), p50 {run.Latencies.Percentile(50) / paced.Latencies.Percentile(50):F1}x.");
        var pass = rate >= TargetRatio * rawRate && p99 < MaxP99.TotalMilliseconds && run.Failed == 0;
        output.WriteLine(pass
            ? $"PASS: at {agents:N0} agents the endpoint sustained {rate / rawRate:P0} of the raw upsert rate (at least {TargetRatio:P0}) with p99 {p99:F1} ms (under {MaxP99.TotalMilliseconds} ms)."
            : $"FAIL: {rate / rawRate:P0} of the raw upsert rate (needs {TargetRatio:P0}), p99 {p99:F1} ms (needs under {MaxP99.TotalMilliseconds} ms), {run.Failed} failed.");
        return pass;
    }

    /// <summary>
    /// The heartbeats' writes with no app, paced as the agents, on one grid for all nodes and on each node's phase, one
    /// after the other in this run: what the phases change, at the storage alone. At the README's size each counts 10 s,
    /// a whole monitor period, so that the one grid's crossing (every node's at once) falls in the counted part.
    /// </summary>
    private static async Task CompareGridsAsync(TextWriter output, PrivateStorage storage, LivenessPolicy policy, int agents, TimeSpan pace, TimeSpan duration)
    {
        var oneGrid = await DueGridWrites.CreateAsync(storage, policy, agents, phased: false);
        var one = await PacedAgents.RunAsync(agents, pace, duration, oneGrid.BeatAsync);
        var phasedGrid = await DueGridWrites.CreateAsync(storage, policy, agents, phased: true);
        var phased = await PacedAgents.RunAsync(agents, pace, duration, phasedGrid.BeatAsync);
        output.WriteLine($"The heartbeats' writes paced as the agents, no app, {duration.TotalSeconds:F0} s each: due rows on one grid for all nodes {one.Latencies.Summary()}, {Moves(one)}; " +
                         $"on each node's phase {phased.Latencies.Summary()}, {Moves(phased)}. The phases' p99 is {phased.Latencies.Percentile(99) / one.Latencies.Percentile(99):F2}x one grid's.");

        static string Moves(PacedRun run) =>
            $"{(run.ByKind.TryGetValue("due-row move", out var moves) ? moves.Count : 0):N0} due-row moves (p99 {(moves is null ? double.NaN : moves.Percentile(99)):F1} ms), {run.Failed} failed";
    }

    /// <summary>The process's CPU (warm-up included) per request sent, in milliseconds.</summary>
    private static async Task<double> CpuEachAsync(RuntimePressure pressure, PacedRun run)
    {
        await pressure.DisposeAsync();
        return pressure.Cpu.TotalMilliseconds / Math.Max(1, run.Sent);
    }

    /// <summary>The heartbeats' parts: what kind each was, the server's time, the storage requests' time by kind, the runtime's.</summary>
    private static void Report(TextWriter output, PrivateStorage storage, PacedRun run, ServerTimes server, string runtime, int seconds)
    {
        var writes = storage.Requests.Requests.Where(r => r.Method != "GET"
            && (r.Uri.AbsolutePath.Contains("Liveness", StringComparison.Ordinal) || r.Uri.AbsolutePath.EndsWith("$batch", StringComparison.Ordinal))).ToList();
        var transactions = writes.Count(r => r.Method == "POST");
        output.WriteLine($"Storage requests of the heartbeats (warm-up included): {writes.Count - transactions:N0} pointer merges, {transactions:N0} transactions that also moved a due row, " +
                         $"{storage.Requests.Requests.Count(r => r.Method == "GET"):N0} reads.");
        foreach (var (kind, latencies) in run.ByKind.OrderBy(k => k.Key, StringComparer.Ordinal))
            output.WriteLine($"  heartbeats that were a {kind}, as the agent saw them: {latencies.Summary()}");
        output.WriteLine($"  in the app's web server (request in to answer written): {server.Latencies.Summary()}");
        foreach (var (kind, latencies) in storage.Times.ByKind.OrderBy(k => k.Key, StringComparer.Ordinal))
            output.WriteLine($"  the app's table requests, {kind}: {latencies.Summary()} over {seconds} s");
        output.WriteLine($"  {runtime}");
    }

    private static Task<LocalFunctionsHost> StartAppAsync(PrivateStorage storage, ServerTimes server) =>
        LocalFunctionsHost.StartAsync(new LocalHostOptions
        {
            FunctionsAssembly = typeof(FunctionsCloudWorker).Assembly,
            // The nodes stay silent from their registration through the baselines (tens of seconds on a busy machine):
            // judged Unreachable meanwhile, they would take the read path and record events, which is not what is measured.
            Configuration = storage.Settings(new Dictionary<string, string?>
            {
                ["FunctionsCloud:UnreachableAfterSeconds"] = "600",
                ["FunctionsCloud:LostAfterSeconds"] = "1200",
            }),
            ConfigureServices = (services, configuration) =>
            {
                services.AddSingleton(storage.CountedClients());
                services.AddSingleton<IStartupFilter>(server);
                services.AddFunctionsCloud(configuration);
            },
            MiddlewareTypes = FunctionsCloudWorker.Middleware,
            Urls = "http://127.0.0.1:0",
            AzuriteDataDirectory = null,
            ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Warning),
        });

    private static async Task<IReadOnlyList<RegisteredAgent>> RegisterAsync(LocalFunctionsHost app, int count)
    {
        var registered = new RegisteredAgent[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
            registered[i] = await SimulatedNodes.RegisterAsync(app.Services, app.DurableClient, "load", ct));
        return registered;
    }

    /// <summary>What an agent echoes with its next heartbeat.</summary>
    private sealed record HeldByAgent(string? Lease, long? LogsExpires);

    /// <summary>
    /// One heartbeat, echoing the lease of the last answer and the expiry of the log credential held, as the agent
    /// does. Returns what it was (a merge of the pointer alone, or a move of the due row too, as the leases say; null
    /// when it failed) and what the agent holds after it.
    /// </summary>
    private static async Task<(string? Kind, HeldByAgent Held)> SendAsync(HttpClient http, NodeCredentials credentials, RegisteredAgent node, HeldByAgent held)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, AgentRoutes.Heartbeat)
        {
            Content = JsonContent.Create(new HeartbeatRequest(SimulatedNodes.Inventory, held.Lease, LogsExpires: held.LogsExpires)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", node.NodeSecret);
        try
        {
            using var response = await http.SendAsync(request);
            if (!response.IsSuccessStatusCode || await response.Content.ReadFromJsonAsync<HeartbeatResponse>() is not { } answer)
                return (null, held);
            return (KindOf(credentials, held.Lease, answer.Lease), new HeldByAgent(answer.Lease, answer.Logs?.Expires ?? held.LogsExpires));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (null, held);
        }
    }

    private static string KindOf(NodeCredentials credentials, string? before, string? after) =>
        credentials.TryReadLease(before, out var old) && credentials.TryReadLease(after, out var now) && old.DueTicks == now.DueTicks ? "merge" : "due-row move";
}
