using Azure;
using Azure.Data.Tables;
using FunctionsCloud.Storage.Connection;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.Commands;

internal sealed class CommandReceiptStore(StorageTables tables) : ICommandReceiptStore
{
    private readonly StorageTable _table = tables.CommandReceipts;

    public async Task<CommandReceipt?> TryAddAsync(CommandReceipt receipt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        try
        {
            var response = await client.AddEntityAsync(CommandReceiptEntity.From(receipt), cancellationToken).ConfigureAwait(false);
            return Stored(receipt, response);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
    }

    public async Task<CommandReceipt?> GetAsync(string @namespace, string key, CancellationToken cancellationToken = default)
    {
        if (!TableKeys.IsValid(@namespace) || !TableKeys.IsValid(key))
            return null;
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        var response = await client.GetEntityIfExistsAsync<CommandReceiptEntity>(@namespace, key, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value!.ToReceipt() : null;
    }

    public async Task<CommandReceipt?> TryReplaceAsync(CommandReceipt receipt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var entity = CommandReceiptEntity.From(receipt);
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        try
        {
            var response = await client.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return Stored(receipt, response);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    public async Task<int> DeleteReceivedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"ReceivedAt lt {before}");
        var deleted = 0;
        await foreach (var row in client.QueryAsync<CommandReceiptEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            // Another sweep may have deleted it meanwhile.
            if (await RowDeletion.DeleteIfExistsAsync(client, row.PartitionKey, row.RowKey, cancellationToken).ConfigureAwait(false))
                deleted++;
        }

        return deleted;
    }

    private static CommandReceipt Stored(CommandReceipt receipt, Response response) =>
        receipt with { Version = response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("The table service answered a write without an ETag.") };
}
