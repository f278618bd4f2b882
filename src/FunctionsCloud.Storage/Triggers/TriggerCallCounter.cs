using Azure;
using Azure.Data.Tables;
using FunctionsCloud.Storage.Concurrency;
using FunctionsCloud.Storage.Connection;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.Triggers;

/// <summary>
/// One row per trigger and minute, raised with If-Match (or added, for the minute's first call): concurrent calls on
/// any instance each land one increment or start over, so no more than the limit pass. The minute's first call also
/// removes the trigger's rows of earlier minutes, so a trigger keeps at most the row of its last busy minute.
/// </summary>
internal sealed class TriggerCallCounter(StorageTables tables) : ITriggerCallCounter
{
    private readonly StorageTable _table = tables.TriggerCalls;

    public async Task ForgetAsync(Guid triggerUuid, CancellationToken cancellationToken = default)
    {
        var partition = TableKeys.Of(triggerUuid);
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        await DeleteRowsAsync(client, partition, TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> TryCountAsync(Guid triggerUuid, DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        var (partition, row) = (TableKeys.Of(triggerUuid), TriggerCallEntity.MinuteKey(now));
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryIncrementAsync(client, partition, row, limit, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < OptimisticUpdate.MaxAttempts * 3)
            {
                // Another call counted first: read again, after the same backoff as every optimistic update.
                await Task.Delay(OptimisticUpdate.Backoff(attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task<bool> TryIncrementAsync(TableClient client, string partition, string row, int limit, CancellationToken cancellationToken)
    {
        var stored = await client.GetEntityIfExistsAsync<TriggerCallEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!stored.HasValue)
        {
            if (limit < 1)
                return false;
            await client.AddEntityAsync(new TriggerCallEntity { PartitionKey = partition, RowKey = row, Calls = 1 }, cancellationToken).ConfigureAwait(false);
            await DeleteEarlierMinutesAsync(client, partition, row, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var entity = stored.Value!;
        if (entity.Calls >= limit)
            return false;
        entity.Calls++;
        await client.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Earlier minutes no longer limit anything. Best effort: the call is counted already, and what is left is
    /// removed at the trigger's next busy minute.
    /// </summary>
    private static async Task DeleteEarlierMinutesAsync(TableClient client, string partition, string minute, CancellationToken cancellationToken)
    {
        try
        {
            await DeleteRowsAsync(client, partition, TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {minute}"), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            // Left for the next minute's first call.
        }
    }

    /// <summary>Another call may be removing the same rows: 404 is no failure.</summary>
    private static async Task DeleteRowsAsync(TableClient client, string partition, string filter, CancellationToken cancellationToken)
    {
        await foreach (var row in client.QueryAsync<TriggerCallEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            await RowDeletion.DeleteIfExistsAsync(client, partition, row.RowKey, cancellationToken).ConfigureAwait(false);
        }
    }
}
