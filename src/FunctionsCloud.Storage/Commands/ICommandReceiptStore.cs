namespace FunctionsCloud.Storage.Commands;

/// <summary>Command receipts by namespace and idempotency key (PartitionKey = namespace, RowKey = key).</summary>
public interface ICommandReceiptStore
{
    /// <summary>Inserts the receipt if there is none with its key: the receipt as stored when this call wrote it, null when one was there (409).</summary>
    Task<CommandReceipt?> TryAddAsync(CommandReceipt receipt, CancellationToken cancellationToken = default);

    Task<CommandReceipt?> GetAsync(string @namespace, string key, CancellationToken cancellationToken = default);

    /// <summary>Replaces the receipt if it is still at its <see cref="CommandReceipt.Version"/>: the receipt as stored, or null when another write came first (412).</summary>
    Task<CommandReceipt?> TryReplaceAsync(CommandReceipt receipt, CancellationToken cancellationToken = default);

    /// <summary>Deletes every receipt received before <paramref name="before"/>, in any namespace; returns how many went.</summary>
    Task<int> DeleteReceivedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}
