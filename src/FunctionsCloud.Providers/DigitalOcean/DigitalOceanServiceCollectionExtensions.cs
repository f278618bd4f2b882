using FunctionsCloud.Providers.Contract;
using FunctionsCloud.Providers.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FunctionsCloud.Providers.DigitalOcean;

public static class DigitalOceanServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>digitalocean</c> provider as an <see cref="INodeProvider"/> singleton, with options from
    /// <c>FunctionsCloud:Providers:DigitalOcean</c> and a named HttpClient from the factory (users' tokens go on each request).
    /// </summary>
    public static IServiceCollection AddDigitalOceanNodeProvider(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DigitalOceanOptions>().Bind(configuration.GetSection(DigitalOceanOptions.SectionName));
        services.AddLogging();
        services.AddProviderHttpClient<DigitalOceanOptions>(DigitalOceanNodeProvider.HttpClientName, o => o.ApiUrl, o => o.Http);
        services.TryAddSingleton<DigitalOceanNodeProvider>();
        services.AddSingleton<INodeProvider>(sp => sp.GetRequiredService<DigitalOceanNodeProvider>());
        return services;
    }
}
