namespace FunctionsCloud.Storage.Accounts;

/// <summary>
/// A namespace's linked account of one provider. <see cref="Sealed"/> is what the credential vault made of
/// the credentials (ciphertext, or the name of a Key Vault secret): never the credentials themselves.
/// </summary>
public sealed record ProviderAccountRecord
{
    public required string Namespace { get; init; }
    public required string Provider { get; init; }
    public required string Sealed { get; init; }
    /// <summary>The names of the credential fields, shown to users; their values never are.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];
    public DateTimeOffset LinkedAt { get; init; }
    public string LinkedBy { get; init; } = "";
}
