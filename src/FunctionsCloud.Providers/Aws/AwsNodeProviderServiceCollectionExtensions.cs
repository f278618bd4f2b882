using FunctionsCloud.Providers.Contract;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FunctionsCloud.Providers.Aws;

public static class AwsNodeProviderServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>aws</c> provider as an <see cref="INodeProvider"/>, with options from
    /// <c>FunctionsCloud:Providers:Aws</c> in <paramref name="configuration"/>. The container disposes its EC2 clients.
    /// </summary>
    public static IServiceCollection AddAwsNodeProvider(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AwsProviderOptions>().Bind(configuration.GetSection(AwsProviderOptions.SectionName));
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AwsNodeProvider>();
        services.AddSingleton<INodeProvider>(sp => sp.GetRequiredService<AwsNodeProvider>());
        return services;
    }
}
