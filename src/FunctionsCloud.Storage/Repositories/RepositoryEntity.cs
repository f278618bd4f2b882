using Azure;
using Azure.Data.Tables;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.Repositories;

/// <summary>PartitionKey = namespace, RowKey = the canonical repository name with '|' for '/' (keys cannot hold '/').</summary>
internal sealed class RepositoryEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Username { get; set; } = "";
    public string Sealed { get; set; } = "";
    public DateTimeOffset? CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? UpdatedAt { get; set; }

    public static string KeyOf(string canonical) => canonical.Replace('/', '|');

    public static RepositoryEntity From(RepositoryRecord repository) => new()
    {
        PartitionKey = repository.Namespace,
        RowKey = KeyOf(repository.Canonical),
        Username = repository.Username,
        Sealed = repository.Sealed,
        CreatedAt = StoredValues.Of(repository.CreatedAt),
        CreatedBy = repository.CreatedBy,
        UpdatedAt = StoredValues.Of(repository.UpdatedAt),
    };

    public RepositoryRecord ToRecord() => new()
    {
        Namespace = PartitionKey,
        Canonical = RowKey.Replace('|', '/'),
        Username = Username,
        Sealed = Sealed,
        CreatedAt = StoredValues.DateOrDefault(CreatedAt),
        CreatedBy = CreatedBy,
        UpdatedAt = StoredValues.DateOrDefault(UpdatedAt),
    };
}
