using System.Globalization;

namespace FunctionsCloud.Client.Operations;

/// <summary>Which events: those after the event with id <paramref name="After"/>, and/or those since a time; null for none.</summary>
public sealed record EventQuery(string? After = null, DateTimeOffset? Since = null)
{
    internal Dictionary<string, string> ToParameters()
    {
        var parameters = new Dictionary<string, string>();
        if (After is not null)
            parameters["after"] = After;
        if (Since is { } since)
            parameters["since"] = since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
        return parameters;
    }

    internal string ToQueryString() =>
        string.Concat(ToParameters().Select((p, i) => $"{(i == 0 ? '?' : '&')}{p.Key}={Uri.EscapeDataString(p.Value)}"));
}
