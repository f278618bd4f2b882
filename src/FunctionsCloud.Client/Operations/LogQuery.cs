namespace FunctionsCloud.Client.Operations;

/// <summary>Which lines of a log: the last <paramref name="Tail"/> (all when null), those since a time (all when null).</summary>
public sealed record LogQuery(int? Tail = null, DateTimeOffset? Since = null)
{
    /// <summary>The most lines one read answers, as the API is set up by default (FunctionsCloud__Logs__MaxTail).</summary>
    public const int MaxTail = 10_000;

    /// <summary>The tail the API answers a container's or service's read that names none (<c>FunctionsCloud__Logs__DefaultTail</c>).</summary>
    public const int DefaultTail = 300;

    internal string ToQueryString(bool follow)
    {
        var parts = new List<string>();
        if (Tail is { } tail)
            parts.Add(FormattableString.Invariant($"tail={tail}"));
        if (Since is { } since)
            parts.Add(FormattableString.Invariant($"since={(since - DateTimeOffset.UnixEpoch).Ticks / (decimal)TimeSpan.TicksPerSecond}"));
        if (follow)
            parts.Add("follow=true");
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
