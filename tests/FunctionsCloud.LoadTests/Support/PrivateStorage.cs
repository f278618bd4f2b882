using System.Security.Cryptography;
using Azure.Core;
using Azure.Data.Tables;
using FunctionsCloud.Application.Configuration;
using FunctionsCloud.LocalHost.Azurite;
using FunctionsCloud.Storage.Connection;
using FunctionsCloud.Testing.Durable;
using FunctionsCloud.Testing.Storage;
using Microsoft.Extensions.Configuration;

namespace FunctionsCloud.LoadTests.Support;

/// <summary>
/// An Azurite of the run's own (in memory, loopback, free ports) and the app settings that point at it, with a
/// table client that counts what it reads.
/// </summary>
public sealed class PrivateStorage : IAsyncDisposable
{
    private readonly AzuriteLauncher _azurite;

    private PrivateStorage(AzuriteLauncher azurite, EmulatorCollections collections)
    {
        _azurite = azurite;
        Collections = collections;
    }

    public string ConnectionString => _azurite.ConnectionString;

    public string TablePrefix { get; } = "load" + Guid.NewGuid().ToString("N")[..8];

    public EntityReadCounter Reads { get; } = new();

    public RequestCounter Requests { get; } = new();

    public StorageRequestTimes Times { get; } = new();

    /// <summary>The emulator's full collections, when started to be heard (see <see cref="StartAsync"/>).</summary>
    public EmulatorCollections Collections { get; }

    /// <param name="hearCollections">Run the emulator with its garbage collections traced into <see cref="Collections"/>.</param>
    public static async Task<PrivateStorage> StartAsync(bool hearCollections = false)
    {
        var collections = new EmulatorCollections();
        return new(await AzuriteLauncher.StartPrivateAsync(collections: hearCollections ? collections.Hear : null), collections);
    }

    /// <summary>The app's settings for this storage; <paramref name="extra"/> on top.</summary>
    public IConfiguration Settings(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = ConnectionString,
            ["FunctionsCloud:TablePrefix"] = TablePrefix,
            ["FunctionsCloud:NodeCredentialKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            // Triggers read these two from app settings, as in Azure: without them the host refuses to start.
            ["FunctionsCloud:MonitorSchedule"] = FunctionsCloudOptions.DefaultMonitorSchedule,
            ["FunctionsCloud:CommandQueue"] = FunctionsCloudOptions.DefaultCommandQueue,
            // host.json names the task hub from this setting; the local run's queue polling and visibility tuning on top.
            ["FunctionsCloud:TaskHub"] = TestTaskHub.UniqueName(),
        };
        foreach (var (key, value) in TestTaskHub.Tuning())
            values[key] = value;
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            values[key] = value;
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    /// <summary>Storage clients whose table requests <see cref="Reads"/> and <see cref="Requests"/> count and <see cref="Times"/> times.</summary>
    public StorageClients CountedClients()
    {
        var options = new TableClientOptions();
        options.AddPolicy(Reads, HttpPipelinePosition.PerRetry);
        options.AddPolicy(Requests, HttpPipelinePosition.PerRetry);
        options.AddPolicy(Times, HttpPipelinePosition.PerRetry);
        return new StorageClients(StorageSettings.FromConnectionString(ConnectionString), options);
    }

    public TableServiceClient Tables() => new(ConnectionString);

    public ValueTask DisposeAsync() => _azurite.DisposeAsync();
}
