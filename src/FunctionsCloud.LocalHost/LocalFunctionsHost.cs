using FunctionsCloud.LocalHost.Azurite;
using FunctionsCloud.LocalHost.Configuration;
using FunctionsCloud.LocalHost.Discovery;
using FunctionsCloud.LocalHost.Durable;
using FunctionsCloud.LocalHost.Http;
using FunctionsCloud.LocalHost.Middleware;
using FunctionsCloud.LocalHost.Queues;
using FunctionsCloud.LocalHost.Timers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.LocalHost;

/// <summary>
/// Runs a function app's own [Function] methods without the Azure Functions host: HTTP triggers on Kestrel
/// (with the worker middleware), orchestrators and activities on the Durable Task Framework's Azure Storage backend
/// (the one Durable Functions uses in Azure, task hub settings from host.json), timers on their schedules and queue
/// triggers against the app's storage. Orchestrations outlive the process: a host started again on the same task hub
/// picks them up where they were.
/// </summary>
public sealed class LocalFunctionsHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DurableBackend _durable;
    private readonly ILoggerFactory _durableLoggerFactory;
    private readonly AzuriteLauncher? _azurite;
    private bool _disposed;

    private LocalFunctionsHost(
        WebApplication app, DurableBackend durable, ILoggerFactory durableLoggerFactory, AzuriteLauncher? azurite,
        IReadOnlyList<DiscoveredFunction> functions, HostJsonSettings hostJson)
    {
        _app = app;
        _durable = durable;
        _durableLoggerFactory = durableLoggerFactory;
        _azurite = azurite;
        Functions = functions;
        HostJson = hostJson;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no listening address.");
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    /// <summary>The server root with the bound port, e.g. http://127.0.0.1:7071/ (HTTP function routes start at <see cref="RouteBaseAddress"/>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>
    /// <see cref="BaseAddress"/> plus the host.json route prefix, where HTTP function routes start: the server root when
    /// the prefix is empty (as in FunctionsCloud's host.json, whose routes carry their own api/), else e.g. http://127.0.0.1:7071/api/.
    /// </summary>
    public Uri RouteBaseAddress => HostJson.RoutePrefix.Length == 0 ? BaseAddress : new Uri(BaseAddress, HostJson.RoutePrefix + "/");

    /// <summary>The app's service provider (what functions and activities resolve from).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The durable client of the task hub; also what [DurableClient] parameters receive.</summary>
    public DurableTaskClient DurableClient => _durable.Client;

    /// <summary>The functions being run (after <see cref="LocalHostOptions.FunctionFilter"/>).</summary>
    public IReadOnlyList<DiscoveredFunction> Functions { get; }

    public HostJsonSettings HostJson { get; }

    /// <summary>The task hub and its settings: host.json's durableTask, with the app settings' overrides.</summary>
    public DurableTaskHostSettings DurableTask => HostJson.DurableTask;

    public static async Task<LocalFunctionsHost> StartAsync(LocalHostOptions options, CancellationToken cancellationToken = default)
    {
        var configuration = options.Configuration;
        var hostJsonPath = options.HostJsonPath ?? DefaultHostJsonPath(options);
        var hostJson = HostJsonSettings.Load(hostJsonPath, configuration);
        var functions = FunctionDiscovery.Discover(options.FunctionsAssembly, configuration)
            .Where(f => options.FunctionFilter?.Invoke(f) ?? true)
            .ToList();
        var pipeline = new WorkerMiddlewarePipeline(options.MiddlewareTypes);

        AzuriteLauncher? azurite = null;
        DurableBackend? durable = null;
        WebApplication? app = null;
        var durableLoggerFactory = LoggerFactory.Create(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning));
        try
        {
            if (options.AzuriteDataDirectory is { } azuriteData)
                azurite = await AzuriteLauncher.EnsureRunningAsync(azuriteData, cancellationToken);

            // The backend starts before the app is built, so activities reach the app's services through this.
            durable = await StartDurableAsync(options, configuration, hostJson.DurableTask, functions, () => app, durableLoggerFactory, cancellationToken);

            app = Build(options, configuration, hostJson, functions, pipeline, durable.Client);
            HttpFunctionEndpoints.Map(app, functions, hostJson.RoutePrefix);
            await app.StartAsync(cancellationToken);
            return new LocalFunctionsHost(app, durable, durableLoggerFactory, azurite, functions, hostJson);
        }
        catch
        {
            // An app that failed to start (its port taken, say) may have started hosted services: stop them too.
            if (app is not null)
                await app.DisposeAsync();
            if (durable is not null)
                await durable.DisposeAsync();
            durableLoggerFactory.Dispose();
            if (azurite is not null)
                await azurite.DisposeAsync();
            throw;
        }
    }

    private static async Task<DurableBackend> StartDurableAsync(
        LocalHostOptions options, IConfiguration configuration, DurableTaskHostSettings settings, IReadOnlyList<DiscoveredFunction> functions,
        Func<WebApplication?> app, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        // The backend starts before the app is built, so activities reach the app's services through this.
        IServiceProvider Services() => app()?.Services ?? throw new InvalidOperationException("The local host is not built yet.");
        if (options.OrchestrationService is { } replacement)
        {
            var (service, client) = replacement(loggerFactory);
            return await DurableBackend.StartAsync(service, client, functions, Services, loggerFactory, cancellationToken);
        }

        var connectionString = StorageConnection.Resolve(configuration, "AzureWebJobsStorage");
        // The machine's name, as the Functions host uses: a restarted host takes its own partitions back at once.
        var storage = await AzureStorageTaskHub.CreateAsync(connectionString, settings, Environment.MachineName, loggerFactory);
        return await DurableBackend.StartAsync(storage, storage, functions, Services, loggerFactory, cancellationToken);
    }

    private static WebApplication Build(
        LocalHostOptions options, IConfiguration configuration, HostJsonSettings hostJson,
        IReadOnlyList<DiscoveredFunction> functions, WorkerMiddlewarePipeline pipeline, DurableTaskClient durableClient)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(LocalFunctionsHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // Only the caller's configuration: no appsettings.json or environment picked up behind its back.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        options.ConfigureLogging?.Invoke(builder.Logging);

        var services = builder.Services;
        options.ConfigureServices?.Invoke(services, configuration);
        services.AddMvcCore(); // IActionResult executors (ObjectResult, StatusCodeResult, ...)
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(hostJson);
        services.AddSingleton(pipeline);
        services.AddSingleton<HttpFunctionRequestHandler>();
        services.AddSingleton(durableClient);
        foreach (var middleware in pipeline.MiddlewareTypes)
            services.TryAddSingleton(middleware);

        foreach (var function in functions)
        {
            switch (function.Trigger)
            {
                case TimerTriggerBinding:
                    services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<TimerTriggerService>(sp, function, sp));
                    break;
                case QueueTriggerBinding:
                    services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<QueueTriggerService>(sp, function, sp));
                    break;
            }
        }

        return builder.Build();
    }

    private static string DefaultHostJsonPath(LocalHostOptions options)
    {
        var besideAssembly = Path.Combine(Path.GetDirectoryName(options.FunctionsAssembly.Location) ?? AppContext.BaseDirectory, "host.json");
        return File.Exists(besideAssembly) ? besideAssembly : Path.Combine(AppContext.BaseDirectory, "host.json");
    }

    /// <summary>Completes when the host is asked to stop (Ctrl+C, SIGTERM, or IHostApplicationLifetime.StopApplication).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>
    /// Stops the web host (and with it timers and queue pollers), disposes the app's services (the local provider stops
    /// the agents it runs and waits for them), then the durable backend, then Azurite if started here: storage goes last,
    /// once nothing is left to use it.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        try
        {
            await _app.StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
            await _durable.DisposeAsync();
            _durableLoggerFactory.Dispose();
            if (_azurite is not null)
                await _azurite.DisposeAsync();
        }
    }
}
