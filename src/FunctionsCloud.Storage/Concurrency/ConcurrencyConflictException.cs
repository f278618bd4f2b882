namespace FunctionsCloud.Storage.Concurrency;

/// <summary>
/// A write carried the ETag of a copy someone else has changed since (HTTP 412 from the table):
/// nothing was written. Read again and reapply, or answer 409.
/// </summary>
public sealed class ConcurrencyConflictException(string resource, string partitionKey, string rowKey, Exception? inner = null)
    : Exception($"The {resource} '{rowKey}' in '{partitionKey}' was changed by someone else since it was read; nothing was written.", inner)
{
    public string Resource { get; } = resource;
    public string PartitionKey { get; } = partitionKey;
    public string RowKey { get; } = rowKey;
}
