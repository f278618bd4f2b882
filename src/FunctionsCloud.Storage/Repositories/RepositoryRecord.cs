namespace FunctionsCloud.Storage.Repositories;

/// <summary>
/// A namespace's credentials for one registry repository. <see cref="Sealed"/> is what the credential vault made of
/// the username and password (ciphertext, or the name of a Key Vault secret): never the password itself.
/// </summary>
public sealed record RepositoryRecord
{
    public required string Namespace { get; init; }
    /// <summary>The registry and path, as <c>RegistryRepository</c> normalizes them ("docker.io/library/nginx").</summary>
    public required string Canonical { get; init; }
    public required string Username { get; init; }
    public required string Sealed { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset UpdatedAt { get; init; }
}
