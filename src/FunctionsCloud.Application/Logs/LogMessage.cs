using System.Text.Json.Serialization;
using FunctionsCloud.Domain.Logs;
using FunctionsCloud.Domain.Resources;

namespace FunctionsCloud.Application.Logs;

/// <summary>
/// A line as Docker Cloud's streams sent it: <c>{type: "log", log, source, timestamp}</c>, timestamp in epoch seconds
/// (with its fraction); lines of containers also name theirs (<c>container</c>, its resource_uri, and <c>name</c>).
/// </summary>
public sealed record LogMessage(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("log")] string Log,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("timestamp")] double Timestamp,
    [property: JsonPropertyName("container"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Container = null,
    [property: JsonPropertyName("name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name = null)
{
    public const string LogType = "log";

    public static LogMessage From(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Of(entry.Line, ResourceUris.Container(entry.Source.ContainerUuid), entry.Source.ContainerName);
    }

    public static LogMessage Of(LogLine line, string? container = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new(LogType, line.Text, line.Source, (line.Timestamp - DateTimeOffset.UnixEpoch).Ticks / (double)TimeSpan.TicksPerSecond, container, name);
    }

    /// <summary>The line as plain text: the log alone, or after its container's name (<c>web-2 | …</c>) when lines of several are shown.</summary>
    public string ToText(bool withName) => withName && Name is not null ? $"{Name} | {Log}" : Log;
}
