using System.Globalization;

namespace FunctionsCloud.Cli.Output;

/// <summary>How values read in tables: short ids, names out of resource URIs, times as ages.</summary>
public static class Formats
{
    /// <summary>The first 8 characters, as Docker Cloud's CLI showed them; they resolve with a uuid prefix.</summary>
    public static string Short(Guid uuid) => uuid.ToString("D")[..8];

    /// <summary><c>/api/infra/v1/region/local/eu/</c> → <c>eu</c>; empty for null.</summary>
    public static string LastSegment(string? resourceUri) =>
        string.IsNullOrEmpty(resourceUri) ? "" : resourceUri.TrimEnd('/').Split('/')[^1];

    /// <summary>The short id of the object a resource URI names (its last segment is a uuid).</summary>
    public static string ShortOf(string? resourceUri) =>
        Guid.TryParse(LastSegment(resourceUri), out var uuid) ? Short(uuid) : LastSegment(resourceUri);

    public static string Ago(DateTimeOffset? when, DateTimeOffset now)
    {
        if (when is not { } at)
            return "";
        var elapsed = now - at;
        return elapsed switch
        {
            { TotalSeconds: < 5 } => "just now",
            { TotalMinutes: < 1 } => Plural((int)elapsed.TotalSeconds, "second"),
            { TotalHours: < 1 } => Plural((int)elapsed.TotalMinutes, "minute"),
            { TotalDays: < 1 } => Plural((int)elapsed.TotalHours, "hour"),
            _ => Plural((int)elapsed.TotalDays, "day"),
        };
    }

    public static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Plural(int count, string unit) => $"{count} {unit}{(count == 1 ? "" : "s")} ago";
}
