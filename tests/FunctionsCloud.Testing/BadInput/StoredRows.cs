using Azure.Data.Tables;

namespace FunctionsCloud.Testing.BadInput;

/// <summary>Every row of the tables under one prefix, by table, partition and row key, with its ETag: what was stored.</summary>
public sealed class StoredRows
{
    private readonly IReadOnlyDictionary<string, string> _rows;

    private StoredRows(IReadOnlyDictionary<string, string> rows) => _rows = rows;

    public int Count => _rows.Count;

    public static async Task<StoredRows> ReadAsync(string connectionString, string tablePrefix)
    {
        var service = new TableServiceClient(connectionString);
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var table in service.QueryAsync())
        {
            if (!table.Name.StartsWith(tablePrefix, StringComparison.Ordinal))
                continue;
            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
                rows[$"{table.Name} | {row.PartitionKey} | {row.RowKey}"] = row.ETag.ToString();
        }

        return new StoredRows(rows);
    }

    /// <summary>Rows added, removed or written since <paramref name="before"/>, one line each.</summary>
    public IReadOnlyList<string> ChangesSince(StoredRows before) =>
    [
        .. _rows.Keys.Except(before._rows.Keys).Select(key => "added: " + key),
        .. before._rows.Keys.Except(_rows.Keys).Select(key => "removed: " + key),
        .. _rows.Where(row => before._rows.TryGetValue(row.Key, out var etag) && etag != row.Value).Select(row => "written: " + row.Key),
    ];
}
