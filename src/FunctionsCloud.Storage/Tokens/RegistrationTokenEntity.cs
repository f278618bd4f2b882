using Azure;
using FunctionsCloud.Domain.Tokens;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.Tokens;

/// <summary>A registration token's row: PartitionKey = namespace, RowKey = uuid; the secret only as its hash.</summary>
internal sealed class RegistrationTokenEntity : IStoredEntity<RegistrationTokenEntity, RegistrationToken>
{
    public static string Resource => "registration token";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string SecretHash { get; set; } = "";
    public int MaxUses { get; set; }
    public int Uses { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public bool Revoked { get; set; }
    public DateTimeOffset? CreatedDatetime { get; set; }
    public string CreatedBy { get; set; } = "";
    public string Tags { get; set; } = "[]";
    /// <summary>
    /// Rows written before the claims moved to <see cref="Claims"/>: the uuids ("D") as a JSON array, which outgrew a
    /// string property (32K characters) at about 840 uses. Read, never written again.
    /// </summary>
    public string? ClaimedNodes { get; set; }
    /// <summary>The claimed nodes' uuids, 16 bytes each (at most <see cref="RegistrationToken.MaxClaims"/>: under 64 KiB).</summary>
    public byte[]? Claims { get; set; }

    public static RegistrationTokenEntity From(RegistrationToken token) => new()
    {
        PartitionKey = token.Namespace,
        RowKey = TableKeys.Of(token.Uuid),
        SecretHash = token.SecretHash,
        MaxUses = token.MaxUses,
        Uses = token.Uses,
        ExpiresAt = token.ExpiresAt,
        Revoked = token.Revoked,
        CreatedDatetime = StoredValues.Of(token.CreatedDatetime),
        CreatedBy = token.CreatedBy,
        Tags = StoredValues.Of(token.Tags),
        Claims = token.ClaimedNodes.Count == 0 ? null : token.ClaimedNodes.SelectMany(n => n.ToByteArray()).ToArray(),
    };

    public RegistrationToken ToDomain()
    {
        var token = new RegistrationToken
        {
            Uuid = Guid.Parse(RowKey),
            Namespace = PartitionKey,
            SecretHash = SecretHash,
            MaxUses = MaxUses,
            ExpiresAt = StoredValues.DateOrDefault(ExpiresAt),
            CreatedDatetime = StoredValues.DateOrDefault(CreatedDatetime),
            CreatedBy = CreatedBy,
            Tags = StoredValues.Tags(Tags),
            Version = ETag.ToString(),
        };
        var earlier = ClaimedNodes is null ? [] : StoredValues.Tags(ClaimedNodes).Select(Guid.Parse);
        var claims = (Claims ?? []).Chunk(16).Where(bytes => bytes.Length == 16).Select(bytes => new Guid(bytes));
        token.Restore(Uses, Revoked, earlier.Concat(claims).Distinct().TakeLast(RegistrationToken.MaxClaims).ToList());
        return token;
    }

    public static string? VersionOf(RegistrationToken token) => token.Version;

    public static void SetVersion(RegistrationToken token, string version) => token.Version = version;
}
