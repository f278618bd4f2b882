using System.Reflection;
using DurableTask.Core;
using FunctionsCloud.LocalHost.Discovery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.LocalHost;

/// <summary>What <see cref="LocalFunctionsHost"/> runs and how.</summary>
public sealed class LocalHostOptions
{
    public const string DefaultUrls = "http://127.0.0.1:7071";

    /// <summary>The assembly whose [Function] methods are served.</summary>
    public required Assembly FunctionsAssembly { get; init; }

    /// <summary>App settings (as flat keys, "__" already mapped to ":"); also read for %Setting% references.</summary>
    public IConfiguration Configuration { get; init; } = new ConfigurationBuilder().Build();

    /// <summary>The app's registrations, e.g. <c>FunctionsCloudWorker.AddFunctionsCloud</c>.</summary>
    public Action<IServiceCollection, IConfiguration>? ConfigureServices { get; init; }

    /// <summary>Worker middleware (IFunctionsWorkerMiddleware), outermost first; runs around HTTP functions.</summary>
    public IReadOnlyList<Type> MiddlewareTypes { get; init; } = [];

    /// <summary>Where Kestrel listens. Use "http://127.0.0.1:0" for an ephemeral port and read <see cref="LocalFunctionsHost.BaseAddress"/>.</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>
    /// When set, make sure Azurite answers on 10000-10002, starting it with its data in this folder when nothing listens,
    /// and stop it last if started here. Null: the storage in the settings is the caller's.
    /// </summary>
    public string? AzuriteDataDirectory { get; init; }

    /// <summary>host.json; by default the one beside the functions assembly (the build copies it there).</summary>
    public string? HostJsonPath { get; init; }

    /// <summary>Which discovered functions to run; all when null. Lets tests leave out timers or queues they do not exercise.</summary>
    public Func<DiscoveredFunction, bool>? FunctionFilter { get; init; }

    /// <summary>
    /// Replaces the Azure Storage task hub with another orchestration service (and its client, usually the same object).
    /// Only for a baseline to measure against, such as the load tool's in-memory one: the local run and the tests run on
    /// Azure Storage, as Azure does.
    /// </summary>
    public Func<ILoggerFactory, (IOrchestrationService Service, IOrchestrationServiceClient Client)>? OrchestrationService { get; init; }

    /// <summary>Optional logging setup on top of the defaults (console; ASP.NET Core at Warning).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }
}
