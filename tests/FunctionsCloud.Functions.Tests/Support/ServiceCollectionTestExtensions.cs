using FunctionsCloud.Providers.Contract;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsCloud.Functions.Tests.Support;

public static class ServiceCollectionTestExtensions
{
    /// <summary>Replaces every configured provider with <paramref name="provider"/>.</summary>
    public static void UseOnlyProvider(this IServiceCollection services, INodeProvider provider)
    {
        foreach (var registration in services.Where(s => s.ServiceType == typeof(INodeProvider)).ToList())
            services.Remove(registration);
        services.AddSingleton(provider);
    }
}
