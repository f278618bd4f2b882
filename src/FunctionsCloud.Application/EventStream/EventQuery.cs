using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Logs;

namespace FunctionsCloud.Application.EventStream;

/// <summary>
/// What an events request asks for: the events after an id (<c>Last-Event-ID</c>, else <c>after</c>), and/or stamped at
/// or after a time (<c>since</c>: epoch seconds or RFC 3339, as for logs), paged by <c>limit</c> and <c>offset</c> as
/// every list is. Checked before anything is read; malformed is a 400.
/// </summary>
/// <param name="After">The id of the last event the client has; null when it gave none.</param>
public sealed record EventQuery(long? After, DateTimeOffset? Since, ListRequest List)
{
    public static EventQuery Parse(IEnumerable<KeyValuePair<string, string>> query, string? lastEventId)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pairs = query.ToList();
        string? Last(string key) => pairs.LastOrDefault(p => p.Key.Equals(key, StringComparison.OrdinalIgnoreCase)).Value;
        var list = ListRequest.Parse(pairs.Where(p => p.Key is not ("since" or "after")), new HashSet<string>());
        long? after = !string.IsNullOrWhiteSpace(lastEventId) ? EventId.Parse(lastEventId.Trim(), "Last-Event-ID")
            : Last("after") is { } given ? EventId.Parse(given, "after")
            : null;
        return new EventQuery(after, Last("since") is { } since ? LogQuery.ParseSince(since) : null, list);
    }
}
