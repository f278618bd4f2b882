using System.Diagnostics.Metrics;
using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using FunctionsCloud.Application.Telemetry;
using FunctionsCloud.Storage.Census;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FunctionsCloud.Functions.Telemetry;

/// <summary>
/// OpenTelemetry for the worker: the control plane's own spans (provider calls, monitor ticks) and metrics
/// (<see cref="FunctionsCloudTelemetry"/>) and Durable Task's orchestration and activity spans, sent to Application
/// Insights with the app's managed identity when the infrastructure names one, to an OTLP endpoint when one is set,
/// and to the console when asked. With none of these set (nor <see cref="EnabledSetting"/>) nothing listens at all.
/// Storage and HttpClient spans are left out: every heartbeat would make one, and heartbeats stay counters only.
/// </summary>
public static class WorkerTelemetry
{
    public const string ServiceName = "FunctionsCloud";
    public const string ApplicationInsightsSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    /// <summary>"ClientId=...;Authorization=AAD", as the infrastructure sets it for the Functions host.</summary>
    public const string ApplicationInsightsAuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ConsoleSetting = "FunctionsCloud:Telemetry:Console";
    /// <summary>Listens without an exporter of its own, for one added beside it (tests add an in-memory one).</summary>
    public const string EnabledSetting = "FunctionsCloud:Telemetry:Enabled";

    /// <summary>The spans listened to: ours and Durable Task's.</summary>
    public static readonly string[] Sources = [FunctionsCloudTelemetry.Name, "Microsoft.DurableTask*"];

    public static IServiceCollection AddWorkerTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (!IsWanted(configuration))
            return services;
        services.AddMetrics();
        services.AddHostedService(sp => new StateGauges(sp.GetRequiredService<IStateCensus>(), sp.GetRequiredService<IMeterFactory>(),
            TimeSpan.FromSeconds(configuration.GetValue(StateGauges.EverySetting, 60)), sp.GetRequiredService<ILogger<StateGauges>>()));
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing.AddSource(Sources))
            .WithMetrics(metrics => metrics.AddMeter(FunctionsCloudTelemetry.Name));
        if (configuration[ApplicationInsightsSetting] is { Length: > 0 } connectionString)
        {
            var credential = ManagedIdentity(configuration[ApplicationInsightsAuthenticationSetting]);
            telemetry.WithTracing(tracing => tracing.AddAzureMonitorTraceExporter(o => (o.ConnectionString, o.Credential) = (connectionString, credential)));
            telemetry.WithMetrics(metrics => metrics.AddAzureMonitorMetricExporter(o => (o.ConnectionString, o.Credential) = (connectionString, credential)));
        }

        if (configuration[OtlpEndpointSetting] is { Length: > 0 })
            telemetry.WithTracing(tracing => tracing.AddOtlpExporter()).WithMetrics(metrics => metrics.AddOtlpExporter());
        if (configuration.GetValue<bool>(ConsoleSetting))
            telemetry.WithTracing(tracing => tracing.AddConsoleExporter()).WithMetrics(metrics => metrics.AddConsoleExporter());
        return services;
    }

    /// <summary>Whether anything listens: one of the exporters' settings, or <see cref="EnabledSetting"/>.</summary>
    public static bool IsWanted(IConfiguration configuration) =>
        configuration.GetValue<bool>(EnabledSetting) || configuration.GetValue<bool>(ConsoleSetting)
        || configuration[ApplicationInsightsSetting] is { Length: > 0 } || configuration[OtlpEndpointSetting] is { Length: > 0 };

    /// <summary>
    /// The identity the authentication setting names (Entra ID, no key): the user-assigned one of its ClientId, else,
    /// with Authorization=AAD alone, the app's system-assigned one. None without the setting (the connection string's key).
    /// </summary>
    public static TokenCredential? ManagedIdentity(string? authentication)
    {
        var parts = (authentication ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.OrdinalIgnoreCase);
        if (parts.GetValueOrDefault("ClientId") is { Length: > 0 } clientId)
            return new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        return string.Equals(parts.GetValueOrDefault("Authorization"), "AAD", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
            : null;
    }
}
