using FunctionsCloud.Application;
using FunctionsCloud.Functions.Authorization;
using FunctionsCloud.Functions.Dashboard;
using FunctionsCloud.Functions.Middleware;
using FunctionsCloud.Functions.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsCloud.Functions;

/// <summary>
/// Everything the function app registers, in one place, so that the Functions host (Program.cs) and the
/// local host run the same services and the same worker middleware.
/// </summary>
public static class FunctionsCloudWorker
{
    /// <summary>Worker middleware, outermost first. Each is an IFunctionsWorkerMiddleware.</summary>
    public static IReadOnlyList<Type> Middleware { get; } = [typeof(ProblemDetailsMiddleware), typeof(ApiKeyAuthenticationMiddleware)];

    public static IServiceCollection AddFunctionsCloud(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFunctionsCloudApplication(configuration);
        services.AddWorkerTelemetry(configuration);
        services.AddOptions<DashboardOptions>().Bind(configuration.GetSection(DashboardOptions.SectionName));
        services.AddSingleton<DashboardFiles>();
        services.AddHostedService<RouteRoleCheck>();
        foreach (var middleware in Middleware)
            services.AddSingleton(middleware);
        return services;
    }
}
