namespace FunctionsCloud.Dashboard;

/// <summary>The credential fields each provider's account is linked with (README, "Cloud providers").</summary>
public static class ProviderAccountFields
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Fields = new Dictionary<string, IReadOnlyList<string>>
    {
        ["aws"] = ["access_key_id", "secret_access_key"],
        ["azure"] = ["subscription_id", "tenant_id", "client_id", "client_secret"],
        ["digitalocean"] = ["token"],
        ["softlayer"] = ["username", "api_key"],
    };

    public static IReadOnlyList<string> Of(string provider) => Fields.GetValueOrDefault(provider) ?? [];

    /// <summary>Ids and user names can be shown as typed; the rest is typed blind.</summary>
    public static bool IsSecret(string field) => field is "secret_access_key" or "client_secret" or "token" or "api_key";
}
