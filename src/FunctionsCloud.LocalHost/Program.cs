using FunctionsCloud.Functions;
using FunctionsCloud.LocalHost;
using FunctionsCloud.LocalHost.AgentBuilds;
using FunctionsCloud.LocalHost.Configuration;
using FunctionsCloud.LocalHost.Docker;
using FunctionsCloud.LocalHost.LocalRun;
using FunctionsCloud.LocalHost.Queues;

// The local run: the function app's own functions, without Azure Functions Core Tools.
// Settings: local.settings.json "Values" (else local.settings.sample.json) at the repository root, then environment.
var repositoryRoot = RepositoryRoot.Find(Directory.GetCurrentDirectory()) ?? RepositoryRoot.Find(AppContext.BaseDirectory);
var settingsFile = LocalSettings.FindFile(repositoryRoot);
var settings = LocalSettings.Build(settingsFile);
var hostJson = repositoryRoot is null ? null : Path.Combine(repositoryRoot, "host.json");

if (QueueTool.Handles(args))
    return await QueueTool.RunAsync(args, settings, Console.In, Console.Out);
if (LocalRunFlags.Parse(args) is not { } flags)
{
    Console.Error.WriteLine(LocalRunFlags.Usage);
    return 2;
}

Console.WriteLine(settingsFile is null ? "No local.settings.json found; using environment variables only." : $"Settings: {settingsFile}");

// Everything the run keeps across restarts lives in one folder.
var state = LocalRunState.From(settings[LocalRunState.Setting]);
using var runLock = LocalRunLock.TryTake(state);
if (runLock is null)
{
    Console.Error.WriteLine($"Another local run is using the state folder {state.Path} (its process id is in {LocalRunLock.FileOf(state)}). " +
        "Stop it first, or give this one a folder of its own with LocalHost__StateDirectory.");
    return 1;
}

// The engine first: a clean start removes the last run's containers through it.
await LocalDockerEngine.EnsureAsync(repositoryRoot, Console.Out);
if (flags.Clean)
    await LocalRunCleanup.CleanAsync(state, Console.Out);
state.Create();
var configuration = LocalRunSecrets.Complete(state.Apply(settings, flags.LeaveRunning), state.SecretsFile, out var generatedApiKey, out var apiKeyMadeNow);
var storage = StorageConnection.Resolve(configuration, "AzureWebJobsStorage");

await using var host = await LocalFunctionsHost.StartAsync(new LocalHostOptions
{
    FunctionsAssembly = typeof(FunctionsCloudWorker).Assembly,
    Configuration = configuration,
    ConfigureServices = (services, config) =>
    {
        services.AddFunctionsCloud(config);
        if (repositoryRoot is not null)
            services.AddLocalAgentBuilds(repositoryRoot);
    },
    MiddlewareTypes = FunctionsCloudWorker.Middleware,
    Urls = configuration["LocalHost:Urls"] ?? LocalHostOptions.DefaultUrls,
    // The emulator only when the settings point at it (another storage account needs none).
    AzuriteDataDirectory = storage == StorageConnection.Emulator ? state.AzuriteData : null,
    HostJsonPath = hostJson is not null && File.Exists(hostJson) ? hostJson : null,
});

StartupListing.Print(host, Console.Out);
AdminApiKeyBanner.Print(configuration, generatedApiKey is null ? null : new(generatedApiKey, apiKeyMadeNow, state.SecretsFile), Console.Out);
Console.WriteLine($"State: {state.Path} (kept across restarts; {LocalRunFlags.CleanFlag} starts from nothing)");
Console.WriteLine($"Dashboard: {host.BaseAddress} (sign in with that user and API key)");
Console.WriteLine(flags.LeaveRunning
    ? "Press Ctrl+C to stop; the local nodes' agents and containers stay running for the next start."
    : $"Press Ctrl+C to stop, with the local nodes' agents and containers ({LocalRunFlags.LeaveRunningFlag} leaves them running).");
await host.WaitForShutdownAsync();
return 0;
