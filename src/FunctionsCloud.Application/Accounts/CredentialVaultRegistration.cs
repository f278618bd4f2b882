using Azure.Core;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsCloud.Application.Accounts;

public static class CredentialVaultRegistration
{
    public const string KeyVaultUriSetting = "FunctionsCloud:KeyVaultUri";
    public const string KeyDirectorySetting = "FunctionsCloud:DataProtection:KeyDirectory";

    /// <summary>Key Vault when the deployment names one (Azure), else data protection with keys in a local folder.</summary>
    public static IServiceCollection AddCredentialVault(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration[KeyVaultUriSetting] is { Length: > 0 } vaultUri)
        {
            // Made on first use: start-up validation looks at the setting first (an unresolved Key Vault reference is no URI).
            services.AddSingleton(_ => new SecretClient(new Uri(vaultUri), AppIdentity(configuration)));
            services.AddSingleton<ICredentialVault, KeyVaultCredentialVault>();
            return services;
        }

        var keys = configuration[KeyDirectorySetting] is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "functionscloud", "keys");
        services.AddDataProtection().SetApplicationName("FunctionsCloud").PersistKeysToFileSystem(new DirectoryInfo(keys));
        services.AddSingleton<ICredentialVault, DataProtectionCredentialVault>();
        return services;
    }

    /// <summary>The app's user-assigned identity (the one its storage connection names), else the default chain.</summary>
    private static TokenCredential AppIdentity(IConfiguration configuration) =>
        configuration["AzureWebJobsStorage:clientId"] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
}
