using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using FunctionsCloud.Domain.Changes;
using FunctionsCloud.Storage.Concurrency;
using FunctionsCloud.Storage.Connection;
using FunctionsCloud.Storage.Entities;
using FunctionsCloud.Storage.Querying;

namespace FunctionsCloud.Storage.Changes;

/// <summary>
/// Each namespace's changes in one ordered log (its partition of the Changes table), numbered 1, 2, 3… without gaps:
/// an append moves the namespace's head row with If-Match and adds its changes in the same transaction, so a change
/// numbered n is visible before n + 1 can exist and a reader's cursor (the last number it read) never skips one that
/// lands late. Each change's id row, in the same transaction, refuses a change relayed twice. Changes come from the
/// outbox rows that objects' writes add beside them (<see cref="PendingChangeEntity"/>): the writer relays them right
/// after its write, and <see cref="CatchUpAsync"/> relays what a writer left behind (it stopped between the two).
/// </summary>
internal sealed class ChangeLog(StorageTable table, IReadOnlyList<StorageTable> objectTables, TimeProvider clock) : IChangeLog
{
    /// <summary>The head and a change row and an id row per change: at most 99 of a transaction's 100 operations.</summary>
    private const int ChangesPerTransaction = 49;
    private const int MaxAttempts = 100;

    /// <summary>An outbox row this old was left behind by its writer (who relays within milliseconds).</summary>
    internal static readonly TimeSpan LeftBehindAfter = TimeSpan.FromSeconds(5);

    /// <summary>How often one instance looks for left-behind outbox rows of a namespace it reads.</summary>
    private static readonly TimeSpan CatchUpEvery = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, ChangeMarkerEntity> _heads = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _caughtUp = new();
    private readonly ConcurrentDictionary<string, bool> _indexed = new();

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>
    /// Copies outbox rows into the log and deletes them. A failure leaves them for <see cref="CatchUpAsync"/>: the
    /// object's write, already stored, is not undone by it.
    /// </summary>
    public async Task RelayAsync(StorageTable objects, IReadOnlyList<PendingChangeEntity> pending)
    {
        if (pending.Count == 0)
            return;
        try
        {
            // Not the caller's token: the object is stored, so its change should follow it even if the caller goes.
            await AppendAsync(pending, CancellationToken.None).ConfigureAwait(false);
            await DeleteAsync(objects.Client, pending).ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            // Left in the outbox: the next catch-up of this namespace relays it.
        }
    }

    /// <summary>The changes after <paramref name="after"/>, in order: one range query of at most <paramref name="max"/> rows.</summary>
    public async Task<IReadOnlyList<ObjectChange>> ReadAfterAsync(string @namespace, long after, int max, CancellationToken cancellationToken)
    {
        if (!TableKeys.IsValid(@namespace))
            return [];
        var client = await table.ReadyAsync().ConfigureAwait(false);
        var page = await TablePaging.PageAsync<ChangeEntity>(client, After(@namespace, after), max, null, null, cancellationToken).ConfigureAwait(false);
        return [.. page.Items.Select(e => e.ToChange())];
    }

    /// <summary>The changes after <paramref name="after"/> (and at or after <paramref name="since"/>), oldest first, as a list's slice.</summary>
    public async Task<ListResult<ObjectChange>> ListAsync(
        string @namespace, long after, DateTimeOffset? since, int offset, int limit, CancellationToken cancellationToken)
    {
        if (!TableKeys.IsValid(@namespace))
            return new ListResult<ObjectChange>([], 0);
        var filter = After(@namespace, after);
        if (since is { } from)
            filter = ODataFilter.And(filter, TableClient.CreateQueryFilter($"Datetime ge {from}"));
        var client = await table.ReadyAsync().ConfigureAwait(false);
        var slice = await TablePaging.SliceAsync<ChangeEntity>(client, filter, offset, limit, cancellationToken).ConfigureAwait(false);
        return new ListResult<ObjectChange>([.. slice.Items.Select(e => e.ToChange())], slice.TotalCount);
    }

    public async Task<long> LastSequenceAsync(string @namespace, CancellationToken cancellationToken)
    {
        if (!TableKeys.IsValid(@namespace))
            return 0;
        var client = await table.ReadyAsync().ConfigureAwait(false);
        return (await ReadHeadAsync(client, @namespace, cancellationToken).ConfigureAwait(false))?.Sequence ?? 0;
    }

    public async Task<ChangeLogFloor?> FloorAsync(string @namespace, CancellationToken cancellationToken)
    {
        if (!TableKeys.IsValid(@namespace))
            return null;
        var client = await table.ReadyAsync().ConfigureAwait(false);
        return await ChangeRetention.FloorAsync(client, @namespace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var client = await table.ReadyAsync().ConfigureAwait(false);
        return await ChangeRetention.SweepAsync(client, cutoff, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Relays the namespace's outbox rows that their writers left behind (older than <see cref="LeftBehindAfter"/>),
    /// oldest first; at most every 30 s per namespace on this instance (one range query per object table).
    /// </summary>
    public async Task CatchUpAsync(string @namespace, CancellationToken cancellationToken, bool force = false)
    {
        if (!TableKeys.IsValid(@namespace))
            return;
        var now = clock.GetUtcNow();
        if (!force && _caughtUp.TryGetValue(@namespace, out var last) && now - last < CatchUpEvery)
            return;
        _caughtUp[@namespace] = now;
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {@namespace} and RowKey ge {PendingChangeEntity.KeyPrefix} and RowKey lt {PendingChangeEntity.KeyEnd} and Timestamp lt {now - LeftBehindAfter}");
        foreach (var objects in objectTables)
        {
            var client = await objects.ReadyAsync().ConfigureAwait(false);
            var left = await TablePaging.AllAsync<PendingChangeEntity>(client, filter, cancellationToken).ConfigureAwait(false);
            await RelayAsync(objects, [.. left.OrderBy(p => p.Timestamp)]).ConfigureAwait(false);
        }
    }

    internal async Task AppendAsync(IReadOnlyList<PendingChangeEntity> pending, CancellationToken cancellationToken)
    {
        var client = await table.ReadyAsync().ConfigureAwait(false);
        foreach (var inNamespace in pending.GroupBy(p => p.PartitionKey))
        {
            await IndexAsync(client, inNamespace.Key, cancellationToken).ConfigureAwait(false);
            foreach (var chunk in inNamespace.Chunk(ChangesPerTransaction))
                await AppendChunkAsync(client, inNamespace.Key, chunk, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AppendChunkAsync(TableClient client, string @namespace, IReadOnlyList<PendingChangeEntity> chunk, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var head = _heads.TryGetValue(@namespace, out var known) ? known : await ReadHeadAsync(client, @namespace, cancellationToken).ConfigureAwait(false);
            var last = head?.Sequence ?? 0;
            var next = ChangeMarkerEntity.Head(@namespace, last + chunk.Count);
            var actions = new List<TableTransactionAction>(1 + 2 * chunk.Count)
            {
                head is null ? new(TableTransactionActionType.Add, next) : new(TableTransactionActionType.UpdateReplace, next, head.ETag),
            };
            for (var i = 0; i < chunk.Count; i++)
            {
                actions.Add(new(TableTransactionActionType.Add, ChangeEntity.From(chunk[i], last + 1 + i)));
                actions.Add(new(TableTransactionActionType.Add, ChangeMarkerEntity.Id(@namespace, chunk[i].ChangeId, last + 1 + i)));
            }

            try
            {
                var response = await client.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                next.ETag = response.Value[0].Headers.ETag ?? default;
                _heads[@namespace] = next;
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another writer moved the head (412, or 409 on a head both added), or a change is logged already (409 on its id row).
                _heads.TryRemove(@namespace, out _);
                if (e.FailedTransactionActionIndex is > 0)
                    chunk = await NotLoggedAsync(client, @namespace, chunk, cancellationToken).ConfigureAwait(false);
                if (chunk.Count == 0)
                    return;
                await Task.Delay(OptimisticUpdate.Backoff(Math.Min(attempt, 10)), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Lists the namespace for the retention sweep before its first change is logged (once per namespace and instance).</summary>
    private async Task IndexAsync(TableClient client, string @namespace, CancellationToken cancellationToken)
    {
        if (_indexed.ContainsKey(@namespace))
            return;
        await client.UpsertEntityAsync(ChangeNamespaceEntity.Of(@namespace), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        _indexed[@namespace] = true;
    }

    private static async Task<ChangeMarkerEntity?> ReadHeadAsync(TableClient client, string @namespace, CancellationToken cancellationToken)
    {
        var head = await client.GetEntityIfExistsAsync<ChangeMarkerEntity>(@namespace, ChangeMarkerEntity.HeadKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return head.HasValue ? head.Value : null;
    }

    private static async Task<IReadOnlyList<PendingChangeEntity>> NotLoggedAsync(
        TableClient client, string @namespace, IReadOnlyList<PendingChangeEntity> chunk, CancellationToken cancellationToken)
    {
        var logged = await Task.WhenAll(chunk.Select(p => client.GetEntityIfExistsAsync<ChangeMarkerEntity>(
            @namespace, ChangeMarkerEntity.IdPrefix + p.ChangeId, cancellationToken: cancellationToken))).ConfigureAwait(false);
        return [.. chunk.Where((_, i) => !logged[i].HasValue)];
    }

    private static Task DeleteAsync(TableClient client, IReadOnlyList<PendingChangeEntity> pending) =>
        GroupedWrites.RunAsync(pending, p => p.PartitionKey, GroupedWrites.MaxOperations,
            (group, ct) => client.SubmitTransactionAsync(group.Select(p => new TableTransactionAction(TableTransactionActionType.Delete, p, ETag.All)), ct),
            (p, ct) => RowDeletion.DeleteIfExistsAsync(client, p.PartitionKey, p.RowKey, ct),
            CancellationToken.None);

    private static string After(string @namespace, long after) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {@namespace} and RowKey gt {ChangeEntity.KeyOf(after)} and RowKey lt {ChangeEntity.KeyEnd}");
}
