namespace FunctionsCloud.Providers.Contract;

/// <summary>
/// A user's credentials for one provider (e.g. AWS access_key_id and secret_access_key). Held in memory
/// only for the call; never logged: ToString hides the values.
/// </summary>
public sealed class ProviderAccount(string provider, IReadOnlyDictionary<string, string> credentials)
{
    public string Provider { get; } = provider;

    public IReadOnlyDictionary<string, string> Credentials { get; } = credentials;

    /// <summary>The credential, or a <see cref="ProviderException"/> naming the missing field.</summary>
    public string Require(string field) =>
        Credentials.TryGetValue(field, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new ProviderException($"The {Provider} account lacks '{field}'.");

    public string? Optional(string field) => Credentials.TryGetValue(field, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    public override string ToString() => $"{Provider} account ({string.Join(", ", Credentials.Keys)}: hidden)";
}
