using Microsoft.Extensions.Configuration;

namespace FunctionsCloud.Storage.Connection;

/// <summary>
/// Where the storage account is and how to authenticate, read from the <c>AzureWebJobsStorage</c> setting the
/// way the Functions host reads it, so the app and its own storage use one setting: a connection string
/// locally (e.g. <c>UseDevelopmentStorage=true</c>), service URIs plus a managed identity in Azure.
/// </summary>
public sealed record StorageSettings
{
    public const string SettingName = "AzureWebJobsStorage";
    public const string ManagedIdentity = "managedidentity";

    /// <summary>Set when the setting is a connection string; the URIs are then unused.</summary>
    public string? ConnectionString { get; init; }
    public Uri? TableServiceUri { get; init; }
    public Uri? QueueServiceUri { get; init; }
    public Uri? BlobServiceUri { get; init; }
    /// <summary>"managedidentity" for a managed identity only; anything else uses DefaultAzureCredential.</summary>
    public string? Credential { get; init; }
    /// <summary>Client id of a user-assigned identity; empty for the system-assigned one.</summary>
    public string? ClientId { get; init; }

    public static StorageSettings FromConnectionString(string connectionString) => new() { ConnectionString = connectionString };

    /// <summary>
    /// Reads <c>AzureWebJobsStorage</c>: its value when it has one, else its section
    /// (<c>AzureWebJobsStorage__tableServiceUri</c> etc. in app settings).
    /// </summary>
    public static StorageSettings FromConfiguration(IConfiguration configuration, string settingName = SettingName)
    {
        var value = configuration[settingName];
        if (!string.IsNullOrWhiteSpace(value))
            return FromConnectionString(value);

        var section = configuration.GetSection(settingName);
        // Functions also accepts just accountName and derives the public-cloud endpoints from it.
        var account = section["accountName"];
        var settings = new StorageSettings
        {
            TableServiceUri = UriOf(section, "tableServiceUri") ?? AccountUri(account, "table"),
            QueueServiceUri = UriOf(section, "queueServiceUri") ?? AccountUri(account, "queue"),
            BlobServiceUri = UriOf(section, "blobServiceUri") ?? AccountUri(account, "blob"),
            Credential = section["credential"],
            ClientId = section["clientId"],
        };
        if (settings.TableServiceUri is null || settings.QueueServiceUri is null)
            throw new InvalidOperationException(
                $"Storage is not configured: set '{settingName}' to a connection string, or set " +
                $"'{settingName}:tableServiceUri' and '{settingName}:queueServiceUri' (app settings '{settingName}__tableServiceUri', ...) " +
                $"or '{settingName}:accountName', with '{settingName}:credential' = '{ManagedIdentity}'.");
        return settings;
    }

    private static Uri? UriOf(IConfigurationSection section, string key)
    {
        var value = section[key];
        if (string.IsNullOrWhiteSpace(value))
            return null;
        return Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"'{section.Path}:{key}' is not an absolute URI: '{value}'.");
    }

    private static Uri? AccountUri(string? account, string service) =>
        string.IsNullOrWhiteSpace(account) ? null : new Uri($"https://{account}.{service}.core.windows.net");
}
