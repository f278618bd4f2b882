using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Functions;
using FunctionsCloud.LoadTests.Support;
using FunctionsCloud.LocalHost;
using FunctionsCloud.Testing.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.LoadTests.Heartbeats;

/// <summary>
/// <c>heartbeats --agents N --seconds S</c>: the real app on the local host against its own Azurite, N nodes
/// registered through the app with real secrets and leases, the raw single-entity upsert rate of that Azurite, then
/// N simulated agents each sending heartbeats (echoing the lease, as the agent does) for S seconds.
/// Target: the endpoint sustains at least half the raw upsert rate with p99 latency under 100 ms.
/// </summary>
public static class HeartbeatLoad
{
    private const double TargetRatio = 0.5;
    /// <summary>Agents are paced to offer this share of the raw rate unless --interval says otherwise: the target plus headroom.</summary>
    private const double OfferedRatio = 0.6;
    private static readonly TimeSpan MaxP99 = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public static async Task<bool> RunAsync(Arguments args, TextWriter output)
    {
        var agents = args.Int("agents", 1_000, 1, 10_000);
        var seconds = args.Int("seconds", 20, 1, 300);
        var interval = args.Double("interval", 0.01, 3600);
        args.RequireAllUsed();

        await using var storage = await PrivateStorage.StartAsync();
        await using var app = await StartAppAsync(storage);
        var nodes = await RegisterAsync(app, agents);
        output.WriteLine($"Registered {agents:N0} nodes through the app.");

        var raw = await RawUpsertRate.MeasureAsync(storage, agents, TimeSpan.FromSeconds(Math.Min(10, seconds)));
        var pace = TimeSpan.FromSeconds(interval ?? agents / (OfferedRatio * raw));
        output.WriteLine($"Raw single-entity upserts against this Azurite: {raw:F0}/s. Each agent beats every {pace.TotalSeconds:F3} s: {agents / pace.TotalSeconds:F0}/s offered.");

        storage.Requests.Clear();
        var run = await BeatAsync(app.BaseAddress, nodes, pace, TimeSpan.FromSeconds(seconds));
        var writes = storage.Requests.Requests.Where(r => r.Uri.AbsolutePath.Contains("Liveness", StringComparison.Ordinal) || r.Uri.AbsolutePath.EndsWith("$batch", StringComparison.Ordinal)).ToList();
        var transactions = writes.Count(r => r.Method == "POST");
        output.WriteLine($"Storage requests of the heartbeats (warm-up included): {writes.Count - transactions:N0} pointer merges, {transactions:N0} transactions that also moved a due row, " +
                         $"{storage.Requests.Requests.Count(r => r.Method == "GET"):N0} reads.");
        var rate = run.Accepted / seconds;
        var (p50, p99) = (run.Latencies.Percentile(50), run.Latencies.Percentile(99));
        output.WriteLine($"Heartbeats: {rate:F0}/s accepted over {seconds} s ({run.Failed} failed), {rate / raw:P0} of the raw upsert rate; latency p50 {p50:F1} ms, p99 {p99:F1} ms.");
        var pass = rate >= TargetRatio * raw && p99 < MaxP99.TotalMilliseconds && run.Failed == 0;
        output.WriteLine(pass
            ? $"PASS: at {agents:N0} agents the endpoint sustained {rate / raw:P0} of the raw upsert rate (at least {TargetRatio:P0}) with p99 {p99:F1} ms (under {MaxP99.TotalMilliseconds} ms)."
            : $"FAIL: {rate / raw:P0} of the raw upsert rate (needs {TargetRatio:P0}), p99 {p99:F1} ms (needs under {MaxP99.TotalMilliseconds} ms), {run.Failed} failed.");
        return pass;
    }

    private static Task<LocalFunctionsHost> StartAppAsync(PrivateStorage storage) =>
        LocalFunctionsHost.StartAsync(new LocalHostOptions
        {
            FunctionsAssembly = typeof(FunctionsCloudWorker).Assembly,
            Configuration = storage.Settings(),
            ConfigureServices = (services, configuration) =>
            {
                services.AddSingleton(storage.CountedClients());
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

    /// <summary>
    /// Every agent beats on its own schedule (starts spread over one interval), echoing the lease of its last answer
    /// and the expiry of the log credential it holds, as the agent does.
    /// A late agent sends at once but never catches up in a burst. The first seconds warm up and are not counted.
    /// </summary>
    private static async Task<Run> BeatAsync(Uri server, IReadOnlyList<RegisteredAgent> nodes, TimeSpan interval, TimeSpan duration)
    {
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        var run = new Run();
        var clock = Stopwatch.StartNew();
        var (measureFrom, end) = (WarmUp, WarmUp + duration);
        await Task.WhenAll(nodes.Select(async (node, i) =>
        {
            var held = new HeldByAgent(node.Lease, LogsExpires: null);
            for (var next = interval * i / nodes.Count; ; next += interval)
            {
                var wait = next - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait);
                else
                    next = clock.Elapsed;
                if (next >= end)
                    return;
                var sent = clock.Elapsed;
                var answer = await SendAsync(http, node, held);
                if (answer is not null)
                    held = new HeldByAgent(answer.Lease, answer.Logs?.Expires ?? held.LogsExpires);
                if (sent >= measureFrom)
                    run.Record(answer is not null, clock.Elapsed - sent);
            }
        }));
        return run;
    }

    /// <summary>What an agent echoes with its next heartbeat.</summary>
    private sealed record HeldByAgent(string? Lease, long? LogsExpires);

    /// <summary>One heartbeat; returns the answer, or null when it failed.</summary>
    private static async Task<HeartbeatResponse?> SendAsync(HttpClient http, RegisteredAgent node, HeldByAgent held)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, AgentRoutes.Heartbeat)
        {
            Content = JsonContent.Create(new HeartbeatRequest(SimulatedNodes.Inventory, held.Lease, LogsExpires: held.LogsExpires)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", node.NodeSecret);
        try
        {
            using var response = await http.SendAsync(request);
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<HeartbeatResponse>() : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private sealed class Run
    {
        private long _accepted;
        private long _failed;

        public Latencies Latencies { get; } = new();

        public double Accepted => Interlocked.Read(ref _accepted);

        public long Failed => Interlocked.Read(ref _failed);

        public void Record(bool accepted, TimeSpan latency)
        {
            if (accepted)
            {
                Interlocked.Increment(ref _accepted);
                Latencies.Add(latency);
            }
            else
            {
                Interlocked.Increment(ref _failed);
            }
        }
    }
}
