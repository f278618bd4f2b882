namespace FunctionsCloud.Storage.Entities;

/// <summary>An update found no row to update (deleted since it was read, or never stored): nothing was written.</summary>
public sealed class EntityNotFoundException(string resource, string partitionKey, string rowKey, Exception? inner = null)
    : Exception($"There is no {resource} '{rowKey}' in '{partitionKey}'.", inner)
{
    public string Resource { get; } = resource;
    public string PartitionKey { get; } = partitionKey;
    public string RowKey { get; } = rowKey;
}
