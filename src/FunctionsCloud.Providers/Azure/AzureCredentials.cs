using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using FunctionsCloud.Providers.Contract;

namespace FunctionsCloud.Providers.Azure;

/// <summary>
/// A linked account turned into what ARM needs: the subscription and a token credential (a service principal's client
/// secret, or the app's user-assigned managed identity). <see cref="CacheKey"/> is a hash, so the secret is never a key.
/// </summary>
public sealed record AzureCredentials(string SubscriptionId, TokenCredential Credential, string CacheKey)
{
    public static AzureCredentials From(ProviderAccount? account, AzureProviderOptions options, HttpPipelineTransport? transport)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (account is null)
        {
            throw new ProviderException("Azure nodes need a linked Azure account.");
        }

        var subscriptionId = account.Require(AzureAccountFields.SubscriptionId);
        if (!Guid.TryParse(subscriptionId, out _))
        {
            throw new ProviderException($"The Azure account's '{AzureAccountFields.SubscriptionId}' is not a subscription id (a GUID).");
        }

        return string.Equals(account.Optional(AzureAccountFields.UseManagedIdentity), "true", StringComparison.OrdinalIgnoreCase)
            ? ManagedIdentity(subscriptionId, options, transport)
            : ServicePrincipal(subscriptionId, account, options, transport);
    }

    private static AzureCredentials ServicePrincipal(string subscriptionId, ProviderAccount account, AzureProviderOptions options, HttpPipelineTransport? transport)
    {
        var tenantId = account.Require(AzureAccountFields.TenantId);
        var clientId = account.Require(AzureAccountFields.ClientId);
        var secret = account.Require(AzureAccountFields.ClientSecret);
        var credentialOptions = new ClientSecretCredentialOptions();
        if (options.AuthorityHost is { } authority)
        {
            credentialOptions.AuthorityHost = authority;
            credentialOptions.DisableInstanceDiscovery = true; // a sovereign cloud or a test's fake Entra ID has no public instance metadata
        }

        if (transport is not null)
        {
            credentialOptions.Transport = transport;
        }

        try
        {
            return new(subscriptionId, new ClientSecretCredential(tenantId, clientId, secret, credentialOptions), Hash("sp", subscriptionId, tenantId, clientId, secret));
        }
        catch (ArgumentException)
        {
            // Azure.Identity checks the tenant id's characters; its message names the parameter, not the secret.
            throw new ProviderException($"The Azure account's '{AzureAccountFields.TenantId}' is not a tenant id or domain.");
        }
    }

    private static AzureCredentials ManagedIdentity(string subscriptionId, AzureProviderOptions options, HttpPipelineTransport? transport)
    {
        if (!options.AllowManagedIdentity)
        {
            throw new ProviderException(
                $"This deployment does not lend its managed identity to accounts ({AzureProviderOptions.SectionName}:AllowManagedIdentity is off); link a service principal instead.");
        }

        var identity = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
            ? ManagedIdentityId.SystemAssigned
            : ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId);
        var credentialOptions = new ManagedIdentityCredentialOptions(identity);
        if (transport is not null)
        {
            credentialOptions.Transport = transport;
        }

        return new(subscriptionId, new ManagedIdentityCredential(credentialOptions), Hash("mi", subscriptionId, options.ManagedIdentityClientId ?? ""));
    }

    private static string Hash(params string[] parts) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))));
}
