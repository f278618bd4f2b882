using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Cli.Tests.Support;
using FunctionsCloud.Testing;

namespace FunctionsCloud.Cli.Tests.EndToEnd;

/// <summary>The real app on the local host and an fc logged in to it as its admin: what the end-to-end tests share.</summary>
public sealed class FcSession : IAsyncDisposable
{
    private FcSession(FunctionsCloudTestHost app, Fc fc)
    {
        App = app;
        Fc = fc;
    }

    public FunctionsCloudTestHost App { get; }
    public Fc Fc { get; }
    public string Url => App.Host.BaseAddress.ToString().TrimEnd('/');

    /// <summary>Heartbeats every second, so that nodes and containers are seen promptly; <paramref name="settings"/> add to these.</summary>
    public static async Task<FcSession> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["FunctionsCloud:HeartbeatIntervalSeconds"] = "1",
            ["FunctionsCloud:RegistrationTimeoutSeconds"] = "60",
            ["FunctionsCloud:ContainerTimeoutSeconds"] = "90",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        return new(await FunctionsCloudTestHost.StartAsync(all), new Fc());
    }

    public Task<FcResult> LoginAsync() =>
        Fc.RunAsync("login", "--url", Url, "--user", FunctionsCloudTestHost.AdminUser, "--apikey", App.AdminKey);

    public Task<FcResult> RunAsync(params string[] args) => Fc.RunAsync(args);

    /// <summary>The object as the API shows it, to check what a command did without trusting fc.</summary>
    public async Task<JsonObject> ApiAsync(string path) => (await App.Client.GetFromJsonAsync<JsonObject>(path))!;

    public async ValueTask DisposeAsync()
    {
        Fc.Dispose();
        await App.DisposeAsync();
    }
}
