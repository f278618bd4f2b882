using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Providers.Http;

public static class ProviderHttpServiceCollectionExtensions
{
    /// <summary>
    /// Registers the named HttpClient of an HTTP provider, addressed at its API from its options, its resilience
    /// pipeline (<see cref="ProviderResiliencePipeline"/>) and the clock the sessions wait with. Clients carry no
    /// credentials: each request adds the user's own.
    /// </summary>
    public static IServiceCollection AddProviderHttpClient<TOptions>(
        this IServiceCollection services, string clientName, Func<TOptions, string> apiUrl, Func<TOptions, ProviderHttpPolicy> policy)
        where TOptions : class
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IProviderClock, SystemProviderClock>();
        services.AddHttpClient(clientName, (provider, client) =>
        {
            var options = provider.GetRequiredService<IOptions<TOptions>>().Value;
            client.BaseAddress = DirectoryUri(apiUrl(options));
            client.Timeout = policy(options).TotalTimeout;
        })
        .RedactLoggedHeaders(_ => true) // the factory's request logs never show Authorization (or any header) values
        .AddResilienceHandler(clientName, (pipeline, context) => ProviderResiliencePipeline.Configure(pipeline, clientName,
            policy(context.ServiceProvider.GetRequiredService<IOptions<TOptions>>().Value),
            context.ServiceProvider.GetRequiredService<IProviderClock>(),
            context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProviderResiliencePipeline))));
        return services;
    }

    /// <summary>The API address with a trailing slash, so relative paths resolve beneath it rather than beside it.</summary>
    public static Uri DirectoryUri(string url) => new(url.EndsWith('/') ? url : url + "/", UriKind.Absolute);
}
