using Azure;
using Azure.Data.Tables;
using FunctionsCloud.Storage.Querying;

namespace FunctionsCloud.Storage.Changes;

/// <summary>
/// Deletes each namespace's changes stamped before a time, oldest first, in transactions of 49 (a change row and its id
/// row each, and the namespace's floor row moved in the same transaction). A namespace's changes are read in their
/// order and the sweep stops at the first one newer than the cutoff, so it reads little more than what it deletes.
/// </summary>
internal static class ChangeRetention
{
    /// <summary>The floor and two rows per change: at most 99 of a transaction's 100 operations.</summary>
    private const int ChangesPerTransaction = 49;

    /// <summary>Returns how many changes went, over every namespace that has a log.</summary>
    public static async Task<int> SweepAsync(TableClient client, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var namespaces = await TablePaging.AllAsync<ChangeNamespaceEntity>(
            client, TableClient.CreateQueryFilter($"PartitionKey eq {ChangeNamespaceEntity.Partition}"), cancellationToken).ConfigureAwait(false);
        var deleted = 0;
        foreach (var entry in namespaces)
            deleted += await SweepAsync(client, entry.RowKey, cutoff, cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    public static async Task<ChangeLogFloor?> FloorAsync(TableClient client, string @namespace, CancellationToken cancellationToken)
    {
        var floor = await client.GetEntityIfExistsAsync<ChangeFloorEntity>(@namespace, ChangeFloorEntity.Key, cancellationToken: cancellationToken).ConfigureAwait(false);
        return floor.HasValue ? floor.Value!.ToFloor() : null;
    }

    private static async Task<int> SweepAsync(TableClient client, string @namespace, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var all = TableClient.CreateQueryFilter($"PartitionKey eq {@namespace} and RowKey gt {ChangeEntity.KeyPrefix} and RowKey lt {ChangeEntity.KeyEnd}");
        for (var deleted = 0; ;)
        {
            var oldest = await TablePaging.PageAsync<ChangeEntity>(client, all, ChangesPerTransaction, null, null, cancellationToken).ConfigureAwait(false);
            var old = oldest.Items.TakeWhile(e => e.Datetime < cutoff).ToList();
            if (old.Count == 0)
                return deleted;
            try
            {
                await DeleteAsync(client, @namespace, old, cancellationToken).ConfigureAwait(false);
                deleted += old.Count;
            }
            catch (TableTransactionFailedException e) when (e.Status == 404)
            {
                // Another sweep deleted some of them meanwhile: read again what is left.
            }

            if (old.Count < ChangesPerTransaction)
                return deleted;
        }
    }

    private static async Task DeleteAsync(TableClient client, string @namespace, IReadOnlyList<ChangeEntity> old, CancellationToken cancellationToken)
    {
        var before = await FloorAsync(client, @namespace, cancellationToken).ConfigureAwait(false);
        var newest = old.Max(e => e.Datetime!.Value);
        var floor = new ChangeFloorEntity
        {
            PartitionKey = @namespace,
            Sequence = old[^1].Sequence,
            Datetime = before is null || before.NewestDeleted < newest ? newest : before.NewestDeleted,
        };
        var actions = new List<TableTransactionAction>(1 + (2 * old.Count)) { new(TableTransactionActionType.UpsertReplace, floor) };
        foreach (var change in old)
        {
            actions.Add(new(TableTransactionActionType.Delete, change, ETag.All));
            actions.Add(new(TableTransactionActionType.Delete, ChangeMarkerEntity.Id(@namespace, change.ChangeId, change.Sequence), ETag.All));
        }

        await client.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
    }
}
