using Microsoft.Extensions.Configuration;

namespace FunctionsCloud.LocalHost.Configuration;

/// <summary>
/// The parts of host.json the local host honours, with the Functions host's defaults. host.json is read in this one
/// place, then the app settings <c>AzureFunctionsJobHost__...</c> are laid over it, as the Functions host lays them
/// (its keys, like host.json's there, are case-insensitive; comments and trailing commas are allowed).
/// </summary>
public sealed record HostJsonSettings
{
    public const string AppSettingsOverrides = "AzureFunctionsJobHost";

    /// <summary>
    /// extensions.http.routePrefix. "api" is the Functions host's default when host.json names none; FunctionsCloud's
    /// host.json sets it empty, so that the dashboard can be served at the site root and its routes carry api/ themselves.
    /// </summary>
    public string RoutePrefix { get; init; } = "api";

    public int QueueMaxDequeueCount { get; init; } = 5;

    /// <summary>How long a failed message stays invisible before it is retried (extensions.queues.visibilityTimeout).</summary>
    public TimeSpan QueueVisibilityTimeout { get; init; } = TimeSpan.Zero;

    public int QueueBatchSize { get; init; } = 16;

    /// <summary>extensions.durableTask: the task hub and its settings.</summary>
    public DurableTaskHostSettings DurableTask { get; init; } = new();

    public static HostJsonSettings Default { get; } = new();

    /// <summary>Reads host.json (a missing file means the defaults, as with the Functions host), then the app settings' overrides on top.</summary>
    public static HostJsonSettings Load(string? path, IConfiguration appSettings)
    {
        var builder = new ConfigurationBuilder();
        if (path is not null && File.Exists(path))
            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        builder.AddInMemoryCollection(appSettings.GetSection(AppSettingsOverrides).AsEnumerable(makePathsRelative: true));
        var extensions = builder.Build().GetSection("extensions");
        var queues = extensions.GetSection("queues");
        return new HostJsonSettings
        {
            RoutePrefix = (extensions["http:routePrefix"] ?? Default.RoutePrefix).Trim('/'),
            QueueMaxDequeueCount = queues.GetValue("maxDequeueCount", Default.QueueMaxDequeueCount),
            QueueBatchSize = queues.GetValue("batchSize", Default.QueueBatchSize),
            QueueVisibilityTimeout = queues.GetValue("visibilityTimeout", Default.QueueVisibilityTimeout),
            DurableTask = DurableTaskHostSettings.From(extensions.GetSection("durableTask"), appSettings),
        };
    }
}
