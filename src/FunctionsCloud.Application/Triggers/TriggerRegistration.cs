using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FunctionsCloud.Application.Triggers;

public static class TriggerRegistration
{
    /// <summary>The trigger use cases, singletons like the others.</summary>
    public static IServiceCollection AddTriggers(this IServiceCollection services)
    {
        services.TryAddSingleton<TriggerService>();
        services.TryAddSingleton<TriggerCaller>();
        return services;
    }
}
