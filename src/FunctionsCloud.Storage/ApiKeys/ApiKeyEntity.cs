using Azure;
using Azure.Data.Tables;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.ApiKeys;

/// <summary>An API key's row: PartitionKey = user name in lower case, RowKey = the key's hash in lower-case hex.</summary>
internal sealed class ApiKeyEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Namespace { get; set; } = "";
    public bool IsAdmin { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public bool Revoked { get; set; }

    // User names are case-insensitive (Docker Cloud's were); hex hashes compare in one case.
    public static string UserKey(string user) => user.ToLowerInvariant();

    public static string HashKey(string keyHash) => keyHash.ToLowerInvariant();

    public static ApiKeyEntity From(ApiKeyRecord key) => new()
    {
        PartitionKey = TableKeys.Require(UserKey(key.User), nameof(key.User)),
        RowKey = TableKeys.Require(HashKey(key.KeyHash), nameof(key.KeyHash)),
        Namespace = key.Namespace,
        IsAdmin = key.IsAdmin,
        CreatedAt = StoredValues.Of(key.CreatedAt),
        Revoked = key.Revoked,
    };

    public ApiKeyRecord ToRecord() => new()
    {
        User = PartitionKey,
        KeyHash = RowKey,
        Namespace = Namespace,
        IsAdmin = IsAdmin,
        CreatedAt = StoredValues.DateOrDefault(CreatedAt),
        Revoked = Revoked,
    };
}
