using FunctionsCloud.Providers.Contract;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Providers.Local;

public static class LocalNodeProviderServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>local</c> provider as an <see cref="INodeProvider"/>, with options from
    /// <c>FunctionsCloud:LocalProvider</c> in <paramref name="configuration"/>. The container owns the provider and
    /// disposes it when the host stops, which kills the agent processes it started.
    /// </summary>
    public static IServiceCollection AddLocalNodeProvider(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LocalNodeProviderOptions>().Bind(configuration.GetSection(LocalNodeProviderOptions.SectionName));
        services.AddLogging();
        services.TryAddSingleton(sp => new LocalNodeContainers(LocalNodeContainers.DefaultEndpoint, sp.GetRequiredService<ILogger<LocalNodeContainers>>()));
        services.TryAddSingleton<LocalNodeProvider>();
        services.AddSingleton<INodeProvider>(sp => sp.GetRequiredService<LocalNodeProvider>());
        return services;
    }
}
