using FunctionsCloud.Providers.Contract;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsCloud.Functions.Tests.Support;

public static class ServiceCollectionTestExtensions
{
    /// <summary>Replaces every configured provider with <paramref name="providers"/>.</summary>
    public static void UseOnlyProvider(this IServiceCollection services, params INodeProvider[] providers)
    {
        foreach (var registration in services.Where(s => s.ServiceType == typeof(INodeProvider)).ToList())
            services.Remove(registration);
        foreach (var provider in providers)
            services.AddSingleton(provider);
    }
}
