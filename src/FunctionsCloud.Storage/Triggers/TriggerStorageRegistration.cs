using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FunctionsCloud.Storage.Triggers;

internal static class TriggerStorageRegistration
{
    /// <summary>The trigger stores, singletons like the others.</summary>
    public static IServiceCollection AddTriggerStores(this IServiceCollection services)
    {
        services.TryAddSingleton<ITriggerStore, TriggerStore>();
        services.TryAddSingleton<ITriggerSecretIndex, TriggerSecretIndex>();
        services.TryAddSingleton<ITriggerCallCounter, TriggerCallCounter>();
        return services;
    }
}
