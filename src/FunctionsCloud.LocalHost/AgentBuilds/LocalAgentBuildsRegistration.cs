using FunctionsCloud.Storage.AgentBuilds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.LocalHost.AgentBuilds;

public static class LocalAgentBuildsRegistration
{
    /// <summary>Serves agent builds made from the checkout at <paramref name="repositoryRoot"/> instead of the blob container.</summary>
    public static IServiceCollection AddLocalAgentBuilds(this IServiceCollection services, string repositoryRoot)
    {
        foreach (var registration in services.Where(s => s.ServiceType == typeof(IAgentBuilds)).ToList())
            services.Remove(registration);
        return services.AddSingleton<IAgentBuilds>(sp => new LocalAgentBuilds(repositoryRoot, sp.GetRequiredService<ILogger<LocalAgentBuilds>>()));
    }
}
