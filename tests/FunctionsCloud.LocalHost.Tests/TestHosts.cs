using FunctionsCloud.LocalHost.Discovery;
using FunctionsCloud.LocalHost.Tests.SampleFunctions;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Durable;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.LocalHost.Tests;

/// <summary>
/// Starts the local host on the sample functions of this assembly, on an ephemeral port, with a task hub of its own
/// in the assembly's Azurite (tests that start hosts are in <see cref="AzuriteCollection"/>).
/// </summary>
public static class TestHosts
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static async Task<(LocalFunctionsHost Host, SampleSignals Signals)> StartAsync(
        Func<DiscoveredFunction, bool> functions,
        IDictionary<string, string?>? settings = null,
        string? hostJson = null,
        IReadOnlyList<Type>? middleware = null)
    {
        var signals = new SampleSignals();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Samples:TickSchedule"] = "0 0 0 1 1 *",
                ["Samples:WidgetQueue"] = "unused-" + Guid.NewGuid().ToString("N")[..8],
                ["AzureWebJobsStorage"] = AzuriteFixture.ConnectionString,
                [TestTaskHub.HubNameSetting] = TestTaskHub.UniqueName(),
            })
            .AddInMemoryCollection(TestTaskHub.Tuning())
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var hostJsonPath = Path.Combine(Path.GetTempPath(), $"host-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(hostJsonPath, hostJson ?? """{ "version": "2.0" }""");

        var host = await LocalFunctionsHost.StartAsync(new LocalHostOptions
        {
            FunctionsAssembly = typeof(TestHosts).Assembly,
            Configuration = configuration,
            ConfigureServices = (services, _) =>
            {
                services.AddSingleton(signals);
                services.AddSingleton(new Greeter("Hello"));
            },
            MiddlewareTypes = middleware ?? [],
            Urls = "http://127.0.0.1:0",
            HostJsonPath = hostJsonPath,
            FunctionFilter = functions,
            ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Warning),
        });
        return (host, signals);
    }

    public static bool IsHttpOrDurable(DiscoveredFunction function) =>
        function.Trigger is HttpTriggerBinding or OrchestrationTriggerBinding or ActivityTriggerBinding;

    public static HttpClient ClientFor(LocalFunctionsHost host) => new() { BaseAddress = host.RouteBaseAddress, Timeout = Deadline };
}
