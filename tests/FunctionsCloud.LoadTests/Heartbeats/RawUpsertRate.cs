using System.Diagnostics;
using Azure.Data.Tables;
using FunctionsCloud.LoadTests.Support;

namespace FunctionsCloud.LoadTests.Heartbeats;

/// <summary>
/// The yardstick: how many single-entity upserts (a heartbeat's columns, one row per node) Azurite takes per
/// second from this process, with enough requests in flight to keep it busy.
/// </summary>
public static class RawUpsertRate
{
    private const int Workers = 64;

    public static async Task<double> MeasureAsync(PrivateStorage storage, int rows, TimeSpan duration)
    {
        var table = storage.Tables().GetTableClient(storage.TablePrefix + "Raw");
        await table.CreateIfNotExistsAsync();
        var keys = Enumerable.Range(0, rows).Select(i => (Partition: "s" + (i % 16).ToString("x"), Row: Guid.NewGuid().ToString("D"))).ToArray();
        long done = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(async worker =>
        {
            for (var i = worker; clock.Elapsed < duration; i += Workers)
            {
                var (partition, row) = keys[i % keys.Length];
                await table.UpsertEntityAsync(new TableEntity(partition, row)
                {
                    ["LastSeen"] = DateTimeOffset.UtcNow,
                    ["Cpu"] = 2,
                    ["Memory"] = 4096L,
                    ["Disk"] = 60L,
                    ["DockerVersion"] = "27.1.0",
                }, TableUpdateMode.Merge);
                Interlocked.Increment(ref done);
            }
        }));
        return done / clock.Elapsed.TotalSeconds;
    }
}
