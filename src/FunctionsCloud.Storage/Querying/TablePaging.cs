using Azure.Data.Tables;

namespace FunctionsCloud.Storage.Querying;

/// <summary>Server-side paging over a filtered table, shared by every store.</summary>
internal static class TablePaging
{
    /// <summary>The most entities the Table service returns per request.</summary>
    public const int MaxPageSize = 1000;

    private static readonly string[] RowKeyOnly = ["RowKey"];

    /// <summary>One request's worth of rows, resuming from Azure's continuation token.</summary>
    public static async Task<QueryPage<TEntity>> PageAsync<TEntity>(
        TableClient table, string filter, int pageSize, string? continuationToken, IEnumerable<string>? select, CancellationToken cancellationToken)
        where TEntity : class, ITableEntity
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        var pages = table.QueryAsync<TEntity>(filter, pageSize, select, cancellationToken).AsPages(continuationToken, pageSize);
        await foreach (var page in pages.ConfigureAwait(false))
            return new QueryPage<TEntity>(page.Values, page.ContinuationToken);
        return new QueryPage<TEntity>([], null);
    }

    /// <summary>Every row matching the filter (for lists known to be small, e.g. one cluster's nodes).</summary>
    public static async Task<IReadOnlyList<TEntity>> AllAsync<TEntity>(TableClient table, string filter, CancellationToken cancellationToken)
        where TEntity : class, ITableEntity
    {
        var items = new List<TEntity>();
        string? token = null;
        do
        {
            var page = await PageAsync<TEntity>(table, filter, MaxPageSize, token, null, cancellationToken).ConfigureAwait(false);
            items.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return items;
    }

    /// <summary>
    /// An offset/limit slice plus the total. Counting reads only RowKeys; rows in a partition come in RowKey
    /// order, so the RowKey at <paramref name="offset"/> marks where the slice starts and the slice is read
    /// from there. (A row added or removed between the two reads may shift the slice by one; lists are advisory.)
    /// </summary>
    public static async Task<ListResult<TEntity>> SliceAsync<TEntity>(
        TableClient table, string filter, int offset, int limit, CancellationToken cancellationToken)
        where TEntity : class, ITableEntity
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var (total, firstKey) = await CountAsync(table, filter, offset, cancellationToken).ConfigureAwait(false);
        if (limit == 0 || firstKey is null)
            return new ListResult<TEntity>([], total);

        var sliceFilter = ODataFilter.And(filter, ODataFilter.Compare("RowKey", "ge", firstKey));
        var items = new List<TEntity>(Math.Min(limit, total - offset));
        string? token = null;
        do
        {
            var pageSize = Math.Min(limit - items.Count, MaxPageSize);
            var page = await PageAsync<TEntity>(table, sliceFilter, pageSize, token, null, cancellationToken).ConfigureAwait(false);
            items.AddRange(page.Items.Take(limit - items.Count));
            token = page.ContinuationToken;
        }
        while (token is not null && items.Count < limit);

        return new ListResult<TEntity>(items, total);
    }

    /// <summary>Counts matching rows through a RowKey-only projection and notes the RowKey at <paramref name="offset"/>.</summary>
    private static async Task<(int Total, string? KeyAtOffset)> CountAsync(TableClient table, string filter, int offset, CancellationToken cancellationToken)
    {
        var total = 0;
        string? keyAtOffset = null;
        string? token = null;
        do
        {
            var page = await PageAsync<TableEntity>(table, filter, MaxPageSize, token, RowKeyOnly, cancellationToken).ConfigureAwait(false);
            if (keyAtOffset is null && offset < total + page.Items.Count)
                keyAtOffset = page.Items[offset - total].RowKey;
            total += page.Items.Count;
            token = page.ContinuationToken;
        }
        while (token is not null);

        return (total, keyAtOffset);
    }
}
