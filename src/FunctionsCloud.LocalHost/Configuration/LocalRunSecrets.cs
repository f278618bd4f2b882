using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace FunctionsCloud.LocalHost.Configuration;

/// <summary>
/// A local run needs a node credential key and a first admin API key. When the settings leave them empty, they are
/// made once and kept in the state folder's secrets file (owner-only, like <c>fc</c>'s own config): the local run's
/// state outlives it, and its nodes' secrets are signed with that key, so a restart must find the same one.
/// </summary>
public static class LocalRunSecrets
{
    public const string CredentialKeySetting = "FunctionsCloud:NodeCredentialKey";
    public const string ApiKeySetting = "FunctionsCloud:Bootstrap:ApiKey";
    public const string UserSetting = "FunctionsCloud:Bootstrap:User";

    /// <summary>
    /// The configuration with the missing secrets filled in; <paramref name="generatedApiKey"/> is set when the API key is
    /// the run's own, and <paramref name="apiKeyMadeNow"/> when it was made by this call (not found in the secrets file).
    /// </summary>
    public static IConfiguration Complete(IConfiguration configuration, string secretsFile, out string? generatedApiKey, out bool apiKeyMadeNow)
    {
        var stored = Read(secretsFile);
        var generated = new Dictionary<string, string?>();
        if (string.IsNullOrWhiteSpace(configuration[CredentialKeySetting]))
            generated[CredentialKeySetting] = stored.GetValueOrDefault(CredentialKeySetting) ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        generatedApiKey = null;
        apiKeyMadeNow = false;
        if (string.IsNullOrWhiteSpace(configuration[ApiKeySetting]))
        {
            apiKeyMadeNow = stored.GetValueOrDefault(ApiKeySetting) is null;
            generated[ApiKeySetting] = generatedApiKey = stored.GetValueOrDefault(ApiKeySetting) ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        }

        if (generated.Count == 0)
            return configuration;
        if (generated.Any(g => stored.GetValueOrDefault(g.Key) != g.Value))
            Write(secretsFile, stored.Concat(generated).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Last().Value));
        return new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(generated).Build();
    }

    private static Dictionary<string, string?> Read(string secretsFile) =>
        File.Exists(secretsFile) ? JsonSerializer.Deserialize<Dictionary<string, string?>>(File.ReadAllText(secretsFile)) ?? [] : [];

    private static void Write(string secretsFile, Dictionary<string, string?> secrets)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(secretsFile)!);
        var temporary = secretsFile + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options))
            JsonSerializer.Serialize(stream, secrets);
        File.Move(temporary, secretsFile, overwrite: true);
    }
}
