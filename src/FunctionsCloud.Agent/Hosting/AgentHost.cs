using FunctionsCloud.Agent.Configuration;
using FunctionsCloud.Agent.Containers;
using FunctionsCloud.Agent.ControlPlane;
using FunctionsCloud.Agent.Engine;
using FunctionsCloud.Agent.Heartbeats;
using FunctionsCloud.Agent.Identity;
using FunctionsCloud.Agent.Inventory;
using FunctionsCloud.Agent.Logs;
using FunctionsCloud.Agent.Registration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Agent.Hosting;

/// <summary>Builds the agent's generic host (console lifetime: SIGTERM and Ctrl+C stop it gracefully).</summary>
public static class AgentHost
{
    public static readonly TimeSpan ControlPlaneTimeout = TimeSpan.FromSeconds(30);

    /// <param name="configureServices">Runs last: tests replace pieces here (TimeProvider, HttpClient, probe, containers, backoff).</param>
    public static IHost Build(AgentOptions options, Action<IServiceCollection>? configureServices = null, Action<ILoggingBuilder>? configureLogging = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            console.UseUtcTimestamp = true;
        });
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        configureLogging?.Invoke(builder.Logging);
        builder.Services.AddAgentServices(options);
        configureServices?.Invoke(builder.Services);
        return builder.Build();
    }

    public static IServiceCollection AddAgentServices(this IServiceCollection services, AgentOptions options)
    {
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(RetryBackoff.Default);
        services.TryAddSingleton<AgentExitStatus>();
        services.TryAddSingleton(_ => new IdentityStore(options.StateDir));
        services.TryAddSingleton(_ => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = ControlPlaneTimeout });
        services.TryAddSingleton(sp => new ControlPlaneClient(sp.GetRequiredService<HttpClient>(), options.ApiUrl));
        services.TryAddSingleton<IDockerVersionProbe>(sp => new DockerVersionProbe(
            options.DockerHost, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<DockerVersionProbe>>()));
        services.TryAddSingleton(sp => new InventoryCollector(sp.GetRequiredService<IDockerVersionProbe>(), options.StateDir));
        services.TryAddSingleton<INodeContainers>(sp => new DockerNodeContainers(options.DockerHost, sp.GetRequiredService<ILogger<DockerNodeContainers>>()));
        services.TryAddSingleton<ContainerSync>();
        services.TryAddSingleton<Registrar>();
        services.TryAddSingleton<LogCredentialHolder>();
        services.TryAddSingleton<EngineUpgrader>();
        services.TryAddSingleton<HeartbeatLoop>();
        services.AddHostedService<AgentWorker>();
        services.AddHostedService<LogShipper>();
        return services;
    }
}
