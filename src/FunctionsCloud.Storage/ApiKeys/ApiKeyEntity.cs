using Azure;
using Azure.Data.Tables;
using FunctionsCloud.Domain.Accounts;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Storage.Entities;
using System.Runtime.Serialization;

namespace FunctionsCloud.Storage.ApiKeys;

/// <summary>An API key's row: PartitionKey = user name in lower case, RowKey = the key's hash in lower-case hex.</summary>
internal sealed class ApiKeyEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Namespace { get; set; } = "";
    public string? Uuid { get; set; }
    public string? Label { get; set; }
    public string? Role { get; set; }
    /// <summary>The column keeps its first name, <c>IsAdmin</c>, so that rows stored before read the same.</summary>
    [DataMember(Name = "IsAdmin")]
    public bool IsInstallationAdmin { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public bool Revoked { get; set; }

    // User names are case-insensitive (Docker Cloud's were); hex hashes compare in one case.
    public static string UserKey(string user) => user.ToLowerInvariant();

    public static string HashKey(string keyHash) => keyHash.ToLowerInvariant();

    public static ApiKeyEntity From(ApiKeyRecord key) => new()
    {
        PartitionKey = TableKeys.Require(UserKey(key.User), nameof(key.User)),
        RowKey = TableKeys.Require(HashKey(key.KeyHash), nameof(key.KeyHash)),
        Namespace = key.Namespace,
        Uuid = key.Uuid == Guid.Empty ? null : StoredValues.Of(key.Uuid),
        Label = key.Label,
        Role = ApiNames.Of(key.Role),
        IsInstallationAdmin = key.IsInstallationAdmin,
        CreatedAt = StoredValues.Of(key.CreatedAt),
        ExpiresAt = key.ExpiresAt,
        LastUsedAt = key.LastUsedAt,
        Revoked = key.Revoked,
    };

    public ApiKeyRecord ToRecord() => new()
    {
        User = PartitionKey,
        KeyHash = RowKey,
        Namespace = Namespace,
        Uuid = StoredValues.GuidOrNull(Uuid) ?? Guid.Empty,
        Label = Label ?? "",
        Role = ApiNames.TryParse<Role>(Role, out var role) ? role : Domain.Accounts.Role.Admin,
        IsInstallationAdmin = IsInstallationAdmin,
        CreatedAt = StoredValues.DateOrDefault(CreatedAt),
        ExpiresAt = ExpiresAt,
        LastUsedAt = LastUsedAt,
        Revoked = Revoked,
    };
}
