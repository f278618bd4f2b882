using FunctionsCloud.Providers.Contract;
using FunctionsCloud.Providers.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FunctionsCloud.Providers.SoftLayer;

public static class SoftLayerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>softlayer</c> provider as an <see cref="INodeProvider"/> singleton, with options from
    /// <c>FunctionsCloud:Providers:SoftLayer</c> and a named HttpClient from the factory (users' keys go on each request).
    /// </summary>
    public static IServiceCollection AddSoftLayerNodeProvider(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SoftLayerOptions>().Bind(configuration.GetSection(SoftLayerOptions.SectionName));
        services.AddLogging();
        services.AddProviderHttpClient<SoftLayerOptions>(SoftLayerNodeProvider.HttpClientName, o => o.ApiUrl, o => o.Http);
        services.TryAddSingleton<SoftLayerNodeProvider>();
        services.AddSingleton<INodeProvider>(sp => sp.GetRequiredService<SoftLayerNodeProvider>());
        return services;
    }
}
