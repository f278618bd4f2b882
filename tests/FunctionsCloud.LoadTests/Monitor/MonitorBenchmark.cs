using System.Diagnostics;
using Azure.Data.Tables;
using FunctionsCloud.Application;
using FunctionsCloud.Application.Liveness;
using FunctionsCloud.Domain.Identifiers;
using FunctionsCloud.Domain.Liveness;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.LoadTests.Support;
using FunctionsCloud.Storage.Connection;
using FunctionsCloud.Storage.Liveness;
using FunctionsCloud.Storage.Nodes;
using FunctionsCloud.Testing.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FunctionsCloud.LoadTests.Monitor;

/// <summary>
/// <c>monitor --nodes N --stale S</c>: N watched nodes of which S went silent, then one monitor tick, against a
/// baseline measured in the same run: reading every node's pointer (what a monitor without the index must do).
/// Target: the tick takes at most 2 s and reads entities in proportion to S, not N.
/// </summary>
public static class MonitorBenchmark
{
    private const string Namespace = "load";

    /// <summary>
    /// Long spans, so that seeding (minutes at 100,000 nodes) leaves the fresh nodes fresh; the tick's work does
    /// not depend on them.
    /// </summary>
    private static readonly Dictionary<string, string?> Spans = new()
    {
        ["FunctionsCloud:UnreachableAfterSeconds"] = "3600",
        ["FunctionsCloud:LostAfterSeconds"] = "7200",
    };
    private static readonly TimeSpan MaxTick = TimeSpan.FromSeconds(2);

    public static async Task<bool> RunAsync(Arguments args, TextWriter output)
    {
        var total = args.Int("nodes", 100_000, 1, 1_000_000);
        var stale = args.Int("stale", 1_000, 0, total);
        args.RequireAllUsed();

        await using var storage = await PrivateStorage.StartAsync();
        await using var services = AppServices(storage);
        var policy = services.GetRequiredService<LivenessPolicy>();
        var now = DateTimeOffset.UtcNow;
        var seeding = Stopwatch.StartNew();
        // Due rows lie at deadlines rounded up to the monitor's period: silent for one period more than unreachable_after,
        // a node is due now wherever the period's boundary falls.
        await SeedAsync(services, total, stale, now - policy.UnreachableAfter - policy.Period - TimeSpan.FromSeconds(1), now);
        output.WriteLine($"Seeded {total:N0} nodes ({stale:N0} silent) in {seeding.Elapsed.TotalSeconds:F0} s: Nodes rows and liveness rows, the latter in batch transactions.");

        var names = services.GetRequiredService<TableNames>();
        var tables = services.GetRequiredService<StorageClients>().Tables;
        var shards = services.GetRequiredService<LivenessShards>().Keys.ToDictionary(s => s, s => tables.GetTableClient(LivenessShards.TableName(names, s)));
        var silentBefore = now - policy.UnreachableAfter;
        var naive = await MeasureAsync(storage, () => ScanAsync(shards, silentBefore, serverFilter: false));
        var filtered = await MeasureAsync(storage, () => ScanAsync(shards, silentBefore, serverFilter: true));
        var monitor = services.GetRequiredService<LivenessMonitor>();
        MonitorTick? result = null;
        var tick = await MeasureAsync(storage, async () => (result = await monitor.TickAsync(CancellationToken.None)).MadeUnreachable);
        var idle = await MeasureAsync(storage, async () => (await monitor.TickAsync(CancellationToken.None)).MadeUnreachable);

        output.WriteLine();
        output.WriteLine($"{"",-44} {"time",9} {"entities read",14} {"requests",9} {"silent found",13}");
        Print(output, "baseline: every pointer read, filtered here", naive);
        Print(output, "baseline: every pointer scanned, LastSeen filter", filtered);
        Print(output, "monitor tick (due-row index)", tick);
        Print(output, "monitor tick, nothing due", idle);
        output.WriteLine();
        output.WriteLine($"tick/baseline: time {tick.Time / naive.Time:P1}, entities read {(double)tick.Entities / naive.Entities:P2}; " +
                         $"entities read per silent node: {(double)tick.Entities / Math.Max(1, stale):F2}");
        output.WriteLine("(Azurite answers a LastSeen-filtered scan fast because it scans in memory; Azure Table storage scans every partition for it, so its cost grows with the node count.)");

        var pass = tick.Time <= MaxTick && result!.MadeUnreachable == stale && tick.Entities <= 3L * Math.Max(1, stale) && idle.Entities == 0;
        output.WriteLine(pass
            ? $"PASS: one tick took {tick.Time.TotalSeconds:F2} s (at most {MaxTick.TotalSeconds} s) and read {tick.Entities:N0} entities for {stale:N0} silent of {total:N0} nodes."
            : $"FAIL: tick {tick.Time.TotalSeconds:F2} s, {tick.Entities:N0} entities read, {result!.MadeUnreachable} of {stale} made Unreachable.");
        return pass;
    }

    /// <summary>The app's services below the function app, on the private storage, with the table reads counted.</summary>
    private static ServiceProvider AppServices(PrivateStorage storage)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(storage.CountedClients());
        services.AddFunctionsCloudApplication(storage.Settings(Spans));
        services.Replace(ServiceDescriptor.Singleton<ILostNodeHandler, SilentLostNodeHandler>());
        return services.BuildServiceProvider();
    }

    private static async Task SeedAsync(IServiceProvider services, int total, int stale, DateTimeOffset silentSince, DateTimeOffset now)
    {
        var nodes = services.GetRequiredService<INodeStore>();
        var liveness = services.GetRequiredService<ILivenessStore>();
        var policy = services.GetRequiredService<LivenessPolicy>();
        var seeded = Enumerable.Range(0, total).Select(i => (Uuid: Uuid4.From(Guid.NewGuid()), LastSeen: i < stale ? silentSince : now)).ToList();
        await Parallel.ForEachAsync(seeded, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (n, ct) =>
            await nodes.CreateAsync(DeployedNode(n.Uuid, n.LastSeen), ct));
        foreach (var chunk in seeded.Chunk(5_000))
        {
            await liveness.CreateAsync(chunk.Select(n => new NodeLiveness
            {
                Namespace = Namespace,
                NodeUuid = n.Uuid,
                LastSeen = n.LastSeen,
                Inventory = SimulatedNodes.Inventory,
                DueTicks = policy.DueAfter(n.Uuid, n.LastSeen, unreachable: false),
            }).ToList());
        }
    }

    private static Node DeployedNode(Guid uuid, DateTimeOffset lastSeen)
    {
        var node = new Node
        {
            Uuid = uuid,
            Namespace = Namespace,
            Provider = "local",
            Region = "local",
            NodeType = "local",
            CreatedDatetime = lastSeen,
            LastSeen = lastSeen,
            Registered = true,
        };
        node.Restore(NodeState.Deployed);
        return node;
    }

    /// <summary>What a monitor without the index does: read the pointer rows of every shard and pick the silent ones.</summary>
    private static async Task<int> ScanAsync(IReadOnlyDictionary<string, TableClient> shards, DateTimeOffset silentBefore, bool serverFilter)
    {
        var counts = await Task.WhenAll(shards.Select(async pair =>
        {
            var (shard, table) = (pair.Key, pair.Value);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {shard} and RowKey ge {"node|"} and RowKey lt {"node}"}");
            if (serverFilter)
                filter += " and " + TableClient.CreateQueryFilter($"LastSeen le {silentBefore}");
            var silent = 0;
            await foreach (var row in table.QueryAsync<TableEntity>(filter, 1000))
            {
                if (row.GetDateTimeOffset("LastSeen") <= silentBefore)
                    silent++;
            }

            return silent;
        }));
        return counts.Sum();
    }

    private static async Task<Measurement> MeasureAsync(PrivateStorage storage, Func<Task<int>> run)
    {
        storage.Reads.Clear();
        var clock = Stopwatch.StartNew();
        var found = await run();
        return new Measurement(clock.Elapsed, storage.Reads.Entities, storage.Reads.Requests, found);
    }

    private static void Print(TextWriter output, string what, Measurement m) =>
        output.WriteLine($"{what,-44} {m.Time.TotalSeconds,8:F3}s {m.Entities,14:N0} {m.Requests,9:N0} {m.Found,13:N0}");

    private sealed record Measurement(TimeSpan Time, long Entities, long Requests, int Found);

    /// <summary>No node gets lost within one tick; nothing to log.</summary>
    private sealed class SilentLostNodeHandler : ILostNodeHandler
    {
        public Task HandleAsync(Node node, Microsoft.DurableTask.Client.DurableTaskClient? durable, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
