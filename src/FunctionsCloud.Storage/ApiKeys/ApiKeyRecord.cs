using FunctionsCloud.Domain.Accounts;

namespace FunctionsCloud.Storage.ApiKeys;

/// <summary>
/// One API key of a user, known only by its hash (hex, computed by the caller): the key itself is never stored.
/// A revoked key stays listed so the audit trail keeps it.
/// </summary>
public sealed record ApiKeyRecord
{
    public required string User { get; init; }
    public required string KeyHash { get; init; }
    /// <summary>The namespace the key acts in.</summary>
    public required string Namespace { get; init; }
    /// <summary>How the API names the key; empty only on keys stored before keys had one.</summary>
    public Guid Uuid { get; init; }
    public string Label { get; init; } = "";
    /// <summary>Keys stored before keys had roles could do everything: admin.</summary>
    public Role Role { get; init; } = Role.Admin;
    public bool IsInstallationAdmin { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    /// <summary>Kept to the minute (<see cref="IApiKeyStore.RecordUseAsync"/>), not to the request.</summary>
    public DateTimeOffset? LastUsedAt { get; init; }
    public bool Revoked { get; init; }

    public bool IsUsableAt(DateTimeOffset now) => !Revoked && (ExpiresAt is null || now < ExpiresAt);
}
