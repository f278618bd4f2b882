using System.Text.Json;

namespace FunctionsCloud.LocalHost.Configuration;

/// <summary>The parts of host.json the local host honours, with the Functions host's defaults.</summary>
public sealed record HostJsonSettings
{
    /// <summary>
    /// extensions.http.routePrefix. "api" is the Functions host's default when host.json names none; FunctionsCloud's
    /// host.json sets it empty, so that the dashboard can be served at the site root and its routes carry api/ themselves.
    /// </summary>
    public string RoutePrefix { get; init; } = "api";

    public int QueueMaxDequeueCount { get; init; } = 5;

    /// <summary>How long a failed message stays invisible before it is retried (extensions.queues.visibilityTimeout).</summary>
    public TimeSpan QueueVisibilityTimeout { get; init; } = TimeSpan.Zero;

    public int QueueBatchSize { get; init; } = 16;

    public static HostJsonSettings Default { get; } = new();

    /// <summary>Reads host.json; a missing file means the defaults (as with the Functions host).</summary>
    public static HostJsonSettings Load(string? path)
    {
        if (path is null || !File.Exists(path))
            return Default;

        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var extensions = Property(document.RootElement, "extensions");
        var http = extensions is { } e ? Property(e, "http") : null;
        var queues = extensions is { } e2 ? Property(e2, "queues") : null;

        return new HostJsonSettings
        {
            RoutePrefix = (http is { } h && Property(h, "routePrefix") is { ValueKind: JsonValueKind.String } prefix ? prefix.GetString()! : Default.RoutePrefix).Trim('/'),
            QueueMaxDequeueCount = queues is { } q && Property(q, "maxDequeueCount") is { ValueKind: JsonValueKind.Number } max ? max.GetInt32() : Default.QueueMaxDequeueCount,
            QueueBatchSize = queues is { } q2 && Property(q2, "batchSize") is { ValueKind: JsonValueKind.Number } batch ? batch.GetInt32() : Default.QueueBatchSize,
            QueueVisibilityTimeout = queues is { } q3 && Property(q3, "visibilityTimeout") is { ValueKind: JsonValueKind.String } visibility
                ? TimeSpan.Parse(visibility.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                : Default.QueueVisibilityTimeout,
        };
    }

    // host.json keys are case-insensitive in the Functions host.
    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return null;
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                return property.Value;
        }

        return null;
    }
}
