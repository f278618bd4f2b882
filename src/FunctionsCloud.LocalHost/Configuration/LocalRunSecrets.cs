using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace FunctionsCloud.LocalHost.Configuration;

/// <summary>
/// A local run needs a node credential key and a first admin API key. When the settings leave them
/// empty, each run makes random ones: nothing of a local run outlives it (Azurite and the durable
/// backend are in memory), so neither do its keys.
/// </summary>
public static class LocalRunSecrets
{
    public const string CredentialKeySetting = "FunctionsCloud:NodeCredentialKey";
    public const string ApiKeySetting = "FunctionsCloud:Bootstrap:ApiKey";
    public const string UserSetting = "FunctionsCloud:Bootstrap:User";

    /// <summary>The configuration with the missing secrets filled in; <paramref name="generatedApiKey"/> is set when the API key was made here.</summary>
    public static IConfiguration Complete(IConfiguration configuration, out string? generatedApiKey)
    {
        var generated = new Dictionary<string, string?>();
        if (string.IsNullOrWhiteSpace(configuration[CredentialKeySetting]))
            generated[CredentialKeySetting] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        generatedApiKey = null;
        if (string.IsNullOrWhiteSpace(configuration[ApiKeySetting]))
            generated[ApiKeySetting] = generatedApiKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        if (generated.Count == 0)
            return configuration;
        return new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(generated).Build();
    }
}
