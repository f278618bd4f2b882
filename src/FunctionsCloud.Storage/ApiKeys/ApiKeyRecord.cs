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
    public bool IsAdmin { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public bool Revoked { get; init; }
}
