using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using DurableTask.Core;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Functions;
using FunctionsCloud.LocalHost;
using FunctionsCloud.LocalHost.AgentBuilds;
using FunctionsCloud.LocalHost.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Testing;

/// <summary>
/// The real function app on the local host, against Azurite, with tables of its own (a unique prefix)
/// and an admin API key. Tests talk to it over HTTP like any client.
/// </summary>
public sealed class FunctionsCloudTestHost : IAsyncDisposable
{
    public const string AdminUser = TestAppSettings.AdminUser;
    public const string AdminNamespace = TestAppSettings.AdminNamespace;

    private FunctionsCloudTestHost(LocalFunctionsHost host, string adminKey, string tablePrefix)
    {
        Host = host;
        AdminKey = adminKey;
        TablePrefix = tablePrefix;
        Client = NewClient(AdminUser, adminKey);
    }

    public LocalFunctionsHost Host { get; }
    public string AdminKey { get; }
    public string TablePrefix { get; }

    /// <summary>Authenticated as the admin of namespace "admin"; base address is the server root.</summary>
    public HttpClient Client { get; }

    public IServiceProvider Services => Host.Services;

    /// <param name="settings">
    /// Extra app settings ("FunctionsCloud:RegistrationTimeoutSeconds" = "5", ...); "FunctionsCloud:Dashboard:Root" names
    /// the folder of a published dashboard to serve at the site root.
    /// </param>
    /// <param name="services">Changes to the app's services after its own registrations (e.g. a scripted provider).</param>
    /// <param name="orchestrationService">Another backend than the task hub on Azure Storage: only for baselines (the load tool's in-memory one).</param>
    public static async Task<FunctionsCloudTestHost> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null,
        Func<ILoggerFactory, (IOrchestrationService, IOrchestrationServiceClient)>? orchestrationService = null)
    {
        // The port is picked before the host starts (agents are told it), so another process may take it in
        // between: then start again on another.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnAsync(LoopbackPort.Free(), settings, services, orchestrationService);
            }
            catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException && attempt < 5)
            {
            }
        }
    }

    private static async Task<FunctionsCloudTestHost> StartOnAsync(int port, IReadOnlyDictionary<string, string?>? settings,
        Action<IServiceCollection>? services, Func<ILoggerFactory, (IOrchestrationService, IOrchestrationServiceClient)>? orchestrationService)
    {
        var test = TestAppSettings.New(port);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(test.Values(settings)).Build();

        var host = await LocalFunctionsHost.StartAsync(new LocalHostOptions
        {
            FunctionsAssembly = typeof(FunctionsCloudWorker).Assembly,
            Configuration = configuration,
            ConfigureServices = (collection, config) =>
            {
                collection.AddFunctionsCloud(config);
                collection.AddLocalAgentBuilds(RepositoryRoot.Find(AppContext.BaseDirectory)!);
                services?.Invoke(collection);
            },
            MiddlewareTypes = FunctionsCloudWorker.Middleware,
            Urls = $"http://127.0.0.1:{port}",
            AzuriteDataDirectory = null, // the test assembly's own emulator (AzuriteFixture)
            OrchestrationService = orchestrationService,
        });
        // A bootstrap key in the settings (another instance's, or a rotated one) is the admin's key.
        return new FunctionsCloudTestHost(host, configuration["FunctionsCloud:Bootstrap:ApiKey"]!, configuration["FunctionsCloud:TablePrefix"]!);
    }

    public HttpClient NewClient(string? user = null, string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (user is not null && apiKey is not null)
            client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(BasicCredentials.Header(user, apiKey));
        return client;
    }

    /// <summary>Creates a node cluster on <c>local</c> and returns its JSON.</summary>
    public async Task<JsonObject> CreateClusterAsync(string name, int nodes, HttpClient? client = null)
    {
        var response = await (client ?? Client).PostAsJsonAsync("/api/infra/v1/nodecluster/", new
        {
            name,
            target_num_nodes = nodes,
            region = "/api/infra/v1/region/local/local/",
            node_type = "/api/infra/v1/nodetype/local/local/",
        });
        await ExpectAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Polls the action until it is Success or Failed, as Docker Cloud clients do.</summary>
    public async Task<JsonObject> WaitForActionAsync(string actionUri, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var action = (await Client.GetFromJsonAsync<JsonObject>(actionUri))!;
            if ((string?)action["state"] is "Success" or "Failed")
                return action;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Action {actionUri} did not finish within {timeout}: {action.ToJsonString()}");
            await Task.Delay(200);
        }
    }

    public static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
            throw new Xunit.Sdk.XunitException($"Expected {(int)expected} but got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static string ActionUri(HttpResponseMessage response) =>
        response.Headers.GetValues("X-DockerCloud-Action-URI").Single();

    /// <summary>An action's log as text, one line per message, as <c>.../action/&lt;uuid&gt;/logs/</c> answers it (actions carry no log field).</summary>
    public async Task<string> ActionLogAsync(string actionUri)
    {
        var messages = (await Client.GetFromJsonAsync<JsonArray>(actionUri.TrimEnd('/') + "/logs/"))!;
        return string.Join('\n', messages.Select(m => (string?)m?["log"]));
    }

    /// <summary>The log of an action given as its JSON.</summary>
    public Task<string> ActionLogAsync(JsonObject action) => ActionLogAsync((string)action["resource_uri"]!);

    public async Task<JsonObject> GetJsonAsync(string uri) => (await Client.GetFromJsonAsync<JsonObject>(uri))!;

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}
