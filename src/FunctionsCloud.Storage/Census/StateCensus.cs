using Azure.Data.Tables;
using FunctionsCloud.Storage.Connection;

namespace FunctionsCloud.Storage.Census;

internal sealed class StateCensus(StorageTables tables) : IStateCensus
{
    private const string Terminated = "Terminated";
    private static readonly string[] StateOnly = ["State"];

    public async Task<StateCounts> CountAsync(CancellationToken cancellationToken = default)
    {
        var counts = await Task.WhenAll(CountAsync(tables.Nodes, cancellationToken), CountAsync(tables.Containers, cancellationToken)).ConfigureAwait(false);
        return new StateCounts(counts[0], counts[1]);
    }

    private static async Task<IReadOnlyDictionary<string, long>> CountAsync(StorageTable table, CancellationToken cancellationToken)
    {
        var client = await table.ReadyAsync().ConfigureAwait(false);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var rows = client.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"State ne {Terminated}"), select: StateOnly, cancellationToken: cancellationToken);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            if (row.GetString("State") is { Length: > 0 } state)
                counts[state] = counts.GetValueOrDefault(state) + 1;
        }

        return counts;
    }
}
