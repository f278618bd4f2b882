using System.Diagnostics;
using Azure.Data.Tables;
using FunctionsCloud.LoadTests.Support;

namespace FunctionsCloud.LoadTests.Heartbeats;

/// <summary>
/// The yardstick: single-entity upserts of a heartbeat's columns, one row per node, straight to Azurite from this
/// process, with no app in between: at saturation (the rate), and paced as the agents are (the latency Azurite alone
/// gives at the offered rate, in the same run).
/// </summary>
public sealed class RawUpserts
{
    private const int Workers = 64;
    private readonly TableClient _table;
    private readonly (string Partition, string Row)[] _keys;

    private RawUpserts(TableClient table, int rows)
    {
        _table = table;
        _keys = Enumerable.Range(0, rows).Select(i => (Partition: "s" + (i % 16).ToString("x"), Row: Guid.NewGuid().ToString("D"))).ToArray();
    }

    public static async Task<RawUpserts> CreateAsync(PrivateStorage storage, int rows)
    {
        var table = storage.Tables().GetTableClient(storage.TablePrefix + "Raw");
        await table.CreateIfNotExistsAsync();
        return new RawUpserts(table, rows);
    }

    /// <summary>
    /// How many upserts a second Azurite takes with <see cref="Workers"/> in flight, and how long each took (at
    /// saturation that is mostly queueing in Azurite).
    /// </summary>
    public async Task<(double Rate, Latencies Latencies)> SaturateAsync(TimeSpan duration)
    {
        long done = 0;
        var latencies = new Latencies();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(async worker =>
        {
            for (var i = worker; clock.Elapsed < duration; i += Workers)
            {
                var started = Stopwatch.GetTimestamp();
                await UpsertAsync(i);
                latencies.Add(Stopwatch.GetElapsedTime(started));
                Interlocked.Increment(ref done);
            }
        }));
        return (done / clock.Elapsed.TotalSeconds, latencies);
    }

    /// <summary>Upserts row <paramref name="i"/> (modulo the rows), as a heartbeat writes its node's pointer.</summary>
    public async Task<string?> UpsertAsync(int i)
    {
        var (partition, row) = _keys[i % _keys.Length];
        await _table.UpsertEntityAsync(new TableEntity(partition, row)
        {
            ["LastSeen"] = DateTimeOffset.UtcNow,
            ["Cpu"] = 2,
            ["Memory"] = 4096L,
            ["Disk"] = 60L,
            ["DockerVersion"] = "27.1.0",
        }, TableUpdateMode.Merge);
        return "upsert";
    }
}
