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
        var name = SecretName(@namespace, provider);
        await secrets.SetSecretAsync(new KeyVaultSecret(name, credentialsJson) { Properties = { ContentType = "application/json" } }, cancellationToken);
        return name;
    }

    public async Task<string> OpenAsync(string @namespace, string provider, string sealedValue, CancellationToken cancellationToken)
    {
        if (sealedValue != SecretName(@namespace, provider))
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

    /// <summary>Secret names allow letters, digits and dashes: the namespace goes in as a hash.</summary>
    public static string SecretName(string @namespace, string provider) =>
        $"account-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(@namespace)))[..32]}-{provider}";
}
