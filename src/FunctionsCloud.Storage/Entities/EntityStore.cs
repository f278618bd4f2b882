using Azure;
using Azure.Data.Tables;
using FunctionsCloud.Storage.Changes;
using FunctionsCloud.Storage.Concurrency;
using FunctionsCloud.Storage.Connection;
using FunctionsCloud.Storage.Querying;

namespace FunctionsCloud.Storage.Entities;

/// <summary>
/// The one implementation of <see cref="IEntityStore{T}"/>: PartitionKey = namespace, RowKey = uuid (or a key made from it),
/// writes guarded by ETags. Concrete stores only name their table, entity and filterable fields.
/// </summary>
internal abstract class EntityStore<TDomain, TEntity>(StorageTable table, QueryFields fields) : IEntityStore<TDomain>
    where TDomain : class
    where TEntity : class, IStoredEntity<TEntity, TDomain>, new()
{
    protected StorageTable Table { get; } = table;

    public IReadOnlySet<string> QueryableFields => fields.Names;

    public async Task CreateAsync(TDomain item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var entity = From(item);
        var change = PendingChange(item, created: true);
        var client = await Table.ReadyAsync().ConfigureAwait(false);
        try
        {
            SetVersion(item, await WriteAsync(client, new TableTransactionAction(TableTransactionActionType.Add, entity), change, cancellationToken).ConfigureAwait(false));
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            throw new EntityAlreadyExistsException(TEntity.Resource, entity.PartitionKey, entity.RowKey, e);
        }

        await RelayAsync(change).ConfigureAwait(false);
    }

    public async Task<TDomain?> GetAsync(string @namespace, Guid uuid, CancellationToken cancellationToken = default)
    {
        if (!TableKeys.IsValid(@namespace))
            return null;
        var client = await Table.ReadyAsync().ConfigureAwait(false);
        var response = await client.GetEntityIfExistsAsync<TEntity>(@namespace, TEntity.RowKeyOf(uuid), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value!.ToDomain() : null;
    }

    public Task UpdateAsync(TDomain item, CancellationToken cancellationToken = default) => ReplaceAsync(item, shows: false, cancellationToken);

    /// <summary>
    /// Replaces the stored item (its Version must match); <paramref name="shows"/>: this write is the one that makes an
    /// item written hidden visible, so the event stream hears of it as created.
    /// </summary>
    protected async Task ReplaceAsync(TDomain item, bool shows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var entity = From(item);
        var version = TEntity.VersionOf(item)
            ?? throw new InvalidOperationException($"The {TEntity.Resource} '{entity.RowKey}' has no Version: read it before updating it.");
        var change = PendingChange(item, created: shows);
        var client = await Table.ReadyAsync().ConfigureAwait(false);
        try
        {
            // Replace, not Merge: a property set to null must disappear from the row.
            var write = new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, new ETag(version));
            SetVersion(item, await WriteAsync(client, write, change, cancellationToken).ConfigureAwait(false));
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            throw new ConcurrencyConflictException(TEntity.Resource, entity.PartitionKey, entity.RowKey, e);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new EntityNotFoundException(TEntity.Resource, entity.PartitionKey, entity.RowKey, e);
        }

        await RelayAsync(change).ConfigureAwait(false);
    }

    public Task<TDomain?> UpdateAsync(string @namespace, Guid uuid, Func<TDomain, bool> change, CancellationToken cancellationToken = default) =>
        OptimisticUpdate.RunAsync(ct => GetAsync(@namespace, uuid, ct), change, UpdateAsync, cancellationToken);

    public Task<TDomain?> UpdateAsync(string @namespace, Guid uuid, TDomain known, Func<TDomain, bool> change, CancellationToken cancellationToken = default) =>
        OptimisticUpdate.RunAsync(ct => GetAsync(@namespace, uuid, ct), change, UpdateAsync, cancellationToken, first: known);

    public async Task<QueryPage<TDomain>> QueryPageAsync(
        string @namespace, TableQuery query, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        var filter = Filter(@namespace, query);
        var client = await Table.ReadyAsync().ConfigureAwait(false);
        var page = await TablePaging.PageAsync<TEntity>(client, filter, pageSize, continuationToken, null, cancellationToken).ConfigureAwait(false);
        return new QueryPage<TDomain>(ToDomain(page.Items), page.ContinuationToken);
    }

    public async Task<ListResult<TDomain>> ListAsync(
        string @namespace, TableQuery query, int offset, int limit, CancellationToken cancellationToken = default)
    {
        var filter = Filter(@namespace, query);
        var client = await Table.ReadyAsync().ConfigureAwait(false);
        var slice = await TablePaging.SliceAsync<TEntity>(client, filter, offset, limit, cancellationToken).ConfigureAwait(false);
        return new ListResult<TDomain>(ToDomain(slice.Items), slice.TotalCount);
    }

    /// <summary>As <see cref="ListAsync"/>, for the items that also meet <paramref name="condition"/> (an OData clause the API's filters cannot say).</summary>
    protected async Task<ListResult<TDomain>> ListWhereAsync(
        string @namespace, TableQuery query, string condition, int offset, int limit, CancellationToken cancellationToken)
    {
        var filter = ODataFilter.And(ODataFilter.For(@namespace, query, fields), condition);
        var client = await Table.ReadyAsync().ConfigureAwait(false);
        var slice = await TablePaging.SliceAsync<TEntity>(client, filter, offset, limit, cancellationToken).ConfigureAwait(false);
        return new ListResult<TDomain>(ToDomain(slice.Items), slice.TotalCount);
    }

    /// <summary>Every matching item, for lists known to be small.</summary>
    protected Task<IReadOnlyList<TDomain>> AllAsync(string @namespace, TableQuery query, CancellationToken cancellationToken) =>
        AllMatchingAsync(Filter(@namespace, query), cancellationToken);

    /// <summary>
    /// Every matching item whose <paramref name="column"/> also compares to <paramref name="value"/> by
    /// <paramref name="op"/> (e.g. the live ones: State ne 'Terminated'), server-side: a condition the API's filters
    /// cannot say, or a column they do not offer.
    /// </summary>
    protected Task<IReadOnlyList<TDomain>> AllWhereAsync(
        string @namespace, TableQuery query, string column, string op, string value, CancellationToken cancellationToken) =>
        AllMatchingAsync(ODataFilter.And(Filter(@namespace, query), ODataFilter.Compare(column, op, value)), cancellationToken);

    /// <summary>
    /// The item's change for the event stream, to be written in the same transaction as the item (its outbox row); null
    /// when this table records no changes.
    /// </summary>
    protected PendingChangeEntity? PendingChange(TDomain item, bool created)
    {
        if (Table.Changes is not { } changes || TEntity.ChangeOf(item) is not { } subject)
            return null;
        return PendingChangeEntity.For(TEntity.From(item).PartitionKey, subject, created, changes.Now);
    }

    /// <summary>Copies written changes into the change log (what fails stays in the outbox for the log's catch-up).</summary>
    protected Task RelayAsync(params IReadOnlyList<PendingChangeEntity?> changes) =>
        Table.Changes is { } log ? log.RelayAsync(Table, [.. changes.OfType<PendingChangeEntity>()]) : Task.CompletedTask;

    /// <summary>The write of one row alone, or with its change in one transaction; answers the row's response.</summary>
    protected static async Task<Response> WriteAsync(TableClient client, TableTransactionAction write, PendingChangeEntity? change, CancellationToken cancellationToken)
    {
        if (change is not null)
        {
            var response = await client.SubmitTransactionAsync([write, new TableTransactionAction(TableTransactionActionType.Add, change)], cancellationToken).ConfigureAwait(false);
            return response.Value[0];
        }

        return write.ActionType == TableTransactionActionType.Add
            ? await client.AddEntityAsync((TEntity)write.Entity, cancellationToken).ConfigureAwait(false)
            : await client.UpdateEntityAsync((TEntity)write.Entity, write.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The namespace's rows that match the query; never an outbox row (they sort after every object).</summary>
    private string Filter(string @namespace, TableQuery query)
    {
        var filter = ODataFilter.For(@namespace, query, fields);
        return Table.Changes is null ? filter : ODataFilter.And(filter, ODataFilter.Compare("RowKey", "lt", PendingChangeEntity.FirstOutboxKey));
    }

    /// <summary>The row of an item to write, its namespace checked as a key.</summary>
    protected static TEntity From(TDomain item)
    {
        var entity = TEntity.From(item);
        TableKeys.Require(entity.PartitionKey, "Namespace");
        return entity;
    }

    private async Task<IReadOnlyList<TDomain>> AllMatchingAsync(string filter, CancellationToken cancellationToken)
    {
        var client = await Table.ReadyAsync().ConfigureAwait(false);
        return ToDomain(await TablePaging.AllAsync<TEntity>(client, filter, cancellationToken).ConfigureAwait(false));
    }

    protected static void SetVersion(TDomain item, Response response) =>
        TEntity.SetVersion(item, response.Headers.ETag?.ToString()
            ?? throw new InvalidOperationException("The table service answered a write without an ETag."));

    private static List<TDomain> ToDomain(IReadOnlyList<TEntity> entities) => entities.Select(e => e.ToDomain()).ToList();
}
