using Azure.Core;
using Azure.Identity;

namespace FunctionsCloud.Storage.Connection;

/// <summary>The token credential for identity-based connections, as the Functions host picks it.</summary>
internal static class StorageCredentials
{
    public static TokenCredential For(StorageSettings settings)
    {
        var clientId = string.IsNullOrWhiteSpace(settings.ClientId) ? null : settings.ClientId;
        if (string.Equals(settings.Credential, StorageSettings.ManagedIdentity, StringComparison.OrdinalIgnoreCase))
            return new ManagedIdentityCredential(clientId is null
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(clientId));

        // Without "managedidentity", developer sign-ins (Azure CLI, Visual Studio...) work too.
        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }
}
