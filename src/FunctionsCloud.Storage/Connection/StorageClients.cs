using Azure.Storage.Blobs;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace FunctionsCloud.Storage.Connection;

/// <summary>The service clients of the app's storage account, built from one <see cref="StorageSettings"/>.</summary>
public sealed class StorageClients
{
    public StorageClients(StorageSettings settings, TableClientOptions? tableOptions = null, QueueClientOptions? queueOptions = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        if (settings.ConnectionString is { } connectionString)
        {
            Tables = new TableServiceClient(connectionString, tableOptions);
            Queues = new QueueServiceClient(connectionString, queueOptions);
            Blobs = new BlobServiceClient(connectionString);
            return;
        }

        var credential = StorageCredentials.For(settings);
        Tables = new TableServiceClient(Required(settings.TableServiceUri, "tableServiceUri"), credential, tableOptions);
        Queues = new QueueServiceClient(Required(settings.QueueServiceUri, "queueServiceUri"), credential, queueOptions);
        Blobs = new BlobServiceClient(Required(settings.BlobServiceUri, "blobServiceUri"), credential);
    }

    public StorageSettings Settings { get; }
    public TableServiceClient Tables { get; }
    public QueueServiceClient Queues { get; }
    public BlobServiceClient Blobs { get; }

    public static StorageClients FromConfiguration(IConfiguration configuration) =>
        new(StorageSettings.FromConfiguration(configuration));

    private static Uri Required(Uri? uri, string name) =>
        uri ?? throw new InvalidOperationException($"{StorageSettings.SettingName}:{name} is required without a connection string.");
}
