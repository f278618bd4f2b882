using System.Globalization;
using Azure.Data.Tables;

namespace FunctionsCloud.Testing.BadInput;

/// <summary>
/// Every row of the tables under one prefix, by table, partition and row key, with its values: what was stored. The
/// task hub's partition leases (its Partitions table) and the liveness monitor's mark of its last working tick are left
/// out: the durable backend and the monitor's timer write them every few seconds whatever the requests, so a run longer
/// than that would see them change.
/// </summary>
public sealed class StoredRows
{
    private readonly IReadOnlyDictionary<string, string> _rows;

    private const string MonitorMarkKey = "monitor|working";

    private StoredRows(IReadOnlyDictionary<string, string> rows) => _rows = rows;

    public int Count => _rows.Count;

    public static async Task<StoredRows> ReadAsync(string connectionString, string tablePrefix)
    {
        var service = new TableServiceClient(connectionString);
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var table in service.QueryAsync())
        {
            if (!table.Name.StartsWith(tablePrefix, StringComparison.Ordinal) || table.Name.EndsWith("Partitions", StringComparison.Ordinal))
                continue;
            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
                if (row.RowKey != MonitorMarkKey)
                    rows[$"{table.Name} | {row.PartitionKey} | {row.RowKey}"] = Content(row);
        }

        return new StoredRows(rows);
    }

    /// <summary>
    /// A row's values but for its ETag and time stamp, and but for an API key's last use, which the app keeps on purpose
    /// (at most once a minute per key and instance) whatever the request: a long run would see the admin key's change.
    /// </summary>
    private static string Content(TableEntity row) => string.Join('\n', row
        .Where(p => p.Key is not ("odata.etag" or "Timestamp" or "LastUsedAt"))
        .OrderBy(p => p.Key, StringComparer.Ordinal)
        .Select(p => $"{p.Key}={Text(p.Value)}"));

    private static string? Text(object? value) => value switch
    {
        byte[] bytes => Convert.ToBase64String(bytes),
        DateTimeOffset date => date.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString(),
    };

    /// <summary>Rows added, removed or written since <paramref name="before"/>, one line each.</summary>
    public IReadOnlyList<string> ChangesSince(StoredRows before) =>
    [
        .. _rows.Keys.Except(before._rows.Keys).Select(key => "added: " + key),
        .. before._rows.Keys.Except(_rows.Keys).Select(key => "removed: " + key),
        .. _rows.Where(row => before._rows.TryGetValue(row.Key, out var content) && content != row.Value).Select(row => "written: " + row.Key),
    ];
}
