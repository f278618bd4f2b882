using FunctionsCloud.Functions;
using FunctionsCloud.LocalHost;
using FunctionsCloud.LocalHost.AgentBuilds;
using FunctionsCloud.LocalHost.Configuration;
using FunctionsCloud.LocalHost.Docker;
using FunctionsCloud.LocalHost.Queues;

// The local run: the function app's own functions, without Azure Functions Core Tools.
// Settings: local.settings.json "Values" (else local.settings.sample.json) at the repository root, then environment.
var repositoryRoot = RepositoryRoot.Find(Directory.GetCurrentDirectory()) ?? RepositoryRoot.Find(AppContext.BaseDirectory);
var settingsFile = LocalSettings.FindFile(repositoryRoot);
var configuration = LocalRunSecrets.Complete(LocalSettings.Build(settingsFile), out var generatedApiKey);
var hostJson = repositoryRoot is null ? null : Path.Combine(repositoryRoot, "host.json");

if (QueueTool.Handles(args))
    return await QueueTool.RunAsync(args, configuration, Console.In, Console.Out);

Console.WriteLine(settingsFile is null ? "No local.settings.json found; using environment variables only." : $"Settings: {settingsFile}");

await LocalDockerEngine.EnsureAsync(repositoryRoot, Console.Out);

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
    StartAzurite = true,
    HostJsonPath = hostJson is not null && File.Exists(hostJson) ? hostJson : null,
});

StartupListing.Print(host, Console.Out);
AdminApiKeyBanner.Print(configuration, generatedApiKey, Console.Out);
Console.WriteLine($"Dashboard: {host.BaseAddress} (sign in with that user and API key)");
Console.WriteLine("Press Ctrl+C to stop.");
await host.WaitForShutdownAsync();
return 0;
