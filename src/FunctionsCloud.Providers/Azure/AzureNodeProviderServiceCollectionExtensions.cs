using FunctionsCloud.Providers.Contract;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Providers.Azure;

public static class AzureNodeProviderServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>azure</c> provider as an <see cref="INodeProvider"/>, with options from <c>FunctionsCloud:Providers:Azure</c>.
    /// The managed identity's client id falls back to <c>AzureWebJobsStorage__clientId</c>, the identity the deployment gives the app.
    /// </summary>
    public static IServiceCollection AddAzureNodeProvider(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AzureProviderOptions>()
            .Bind(configuration.GetSection(AzureProviderOptions.SectionName))
            .PostConfigure(o => o.ManagedIdentityClientId ??= configuration[AzureProviderOptions.StorageIdentityClientIdKey]);
        services.AddLogging();
        services.TryAddSingleton(sp => new AzureArmClients(sp.GetRequiredService<IOptions<AzureProviderOptions>>()));
        services.TryAddSingleton<AzureNodeProvider>();
        services.AddSingleton<INodeProvider>(sp => sp.GetRequiredService<AzureNodeProvider>());
        return services;
    }
}
