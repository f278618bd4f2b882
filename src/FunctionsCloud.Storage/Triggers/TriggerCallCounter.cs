using Azure;
using Azure.Data.Tables;
using FunctionsCloud.Storage.Concurrency;
using FunctionsCloud.Storage.Connection;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.Triggers;

/// <summary>
/// One row per trigger and minute, raised with If-Match (or added, for the minute's first call): concurrent calls on
/// any instance each land one increment or start over, so no more than the limit pass.
/// </summary>
internal sealed class TriggerCallCounter(StorageTables tables) : ITriggerCallCounter
{
    private readonly StorageTable _table = tables.TriggerCalls;

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
                // Another call counted first: read again.
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
            return true;
        }

        var entity = stored.Value!;
        if (entity.Calls >= limit)
            return false;
        entity.Calls++;
        await client.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
