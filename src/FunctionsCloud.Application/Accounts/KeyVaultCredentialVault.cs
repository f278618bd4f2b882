using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Security.KeyVault.Secrets;

namespace FunctionsCloud.Application.Accounts;

/// <summary>In Azure: credentials live as Key Vault secrets (read with the app's identity); tables keep only the secret's name.</summary>
public sealed class KeyVaultCredentialVault(SecretClient secrets) : ICredentialVault
{
    public async Task<string> SealAsync(string @namespace, string provider, string credentialsJson, CancellationToken cancellationToken)
    {
        var name = NewSecretName(@namespace, provider);
        await secrets.SetSecretAsync(new KeyVaultSecret(name, credentialsJson) { Properties = { ContentType = "application/json" } }, cancellationToken);
        return name;
    }

    public async Task<string> OpenAsync(string @namespace, string provider, string sealedValue, CancellationToken cancellationToken)
    {
        if (!BelongsTo(sealedValue, @namespace, provider))
            throw new InvalidOperationException("The stored account does not belong to this namespace and provider.");
        return (await secrets.GetSecretAsync(sealedValue, cancellationToken: cancellationToken)).Value.Value;
    }

    public async Task ForgetAsync(string @namespace, string provider, string sealedValue, CancellationToken cancellationToken)
    {
        try
        {
            await secrets.StartDeleteSecretAsync(sealedValue, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone.
        }
    }

    /// <summary>
    /// Every link gets a secret of its own: a deleted secret keeps its name for the vault's soft-delete retention,
    /// so a name used again after an unlink would be refused (409) until then. The old link's secret is deleted
    /// once the new one is stored.
    /// </summary>
    public static string NewSecretName(string @namespace, string provider) =>
        $"{SecretNamePrefix(@namespace, provider)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";

    /// <summary>Secret names allow letters, digits and dashes: the namespace goes in as a hash.</summary>
    public static string SecretNamePrefix(string @namespace, string provider) =>
        $"account-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(@namespace)))[..32]}-{provider}";

    /// <summary>A name made for this namespace and provider, by this version or by the earlier one (the prefix alone).</summary>
    private static bool BelongsTo(string name, string @namespace, string provider)
    {
        var prefix = SecretNamePrefix(@namespace, provider);
        if (name == prefix)
            return true;
        var suffix = name.StartsWith(prefix + "-", StringComparison.Ordinal) ? name[(prefix.Length + 1)..] : "";
        return suffix.Length == 16 && suffix.All(char.IsAsciiHexDigitLower);
    }
}
