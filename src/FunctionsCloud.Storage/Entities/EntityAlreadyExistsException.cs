namespace FunctionsCloud.Storage.Entities;

/// <summary>A create found a row with the same key (HTTP 409 from the table): nothing was written.</summary>
public sealed class EntityAlreadyExistsException(string resource, string partitionKey, string rowKey, Exception? inner = null)
    : Exception($"A {resource} '{rowKey}' already exists in '{partitionKey}'.", inner)
{
    public string Resource { get; } = resource;
    public string PartitionKey { get; } = partitionKey;
    public string RowKey { get; } = rowKey;
}
