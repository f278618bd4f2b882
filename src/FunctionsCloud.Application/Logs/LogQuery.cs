using System.Globalization;
using FunctionsCloud.Domain.Validation;

namespace FunctionsCloud.Application.Logs;

/// <summary>
/// What a logs request asks for: the last <c>tail</c> lines and/or those since a time (epoch seconds or RFC 3339),
/// and whether to go on following. Checked before anything is read; out of range is a 400.
/// </summary>
/// <param name="LastEventId">The id of the last event a follower received, to resume after it (each stream reads its own kind).</param>
public sealed record LogQuery(int? Tail, DateTimeOffset? Since, bool Follow, string? LastEventId)
{
    /// <param name="defaultTail">The tail when the query names none (null: every line).</param>
    public static LogQuery Parse(IEnumerable<KeyValuePair<string, string>> query, string? lastEventId, int maxTail, int? defaultTail = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var values = query.GroupBy(p => p.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.OrdinalIgnoreCase);
        return new LogQuery(
            values.TryGetValue("tail", out var tail) ? ParseTail(tail, maxTail) : defaultTail,
            values.TryGetValue("since", out var since) ? ParseSince(since) : null,
            values.TryGetValue("follow", out var follow) && ParseFollow(follow),
            string.IsNullOrWhiteSpace(lastEventId) ? null : lastEventId.Trim());
    }

    private static int ParseTail(string text, int maxTail) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var tail) && tail <= maxTail
            ? tail
            : throw new RequestValidationException("tail", $"must be a whole number from 0 to {maxTail}.");

    internal static DateTimeOffset ParseSince(string text)
    {
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds <= 253_402_300_799m)
            return DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && text.Contains('T', StringComparison.Ordinal)
            && at >= DateTimeOffset.UnixEpoch)
            return at;
        throw new RequestValidationException("since", "must be a time from 1970 on: epoch seconds (e.g. 1733230000.5) or RFC 3339 (e.g. 2026-12-03T14:00:00Z).");
    }

    private static bool ParseFollow(string text) => text.ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" or "" => false,
        _ => throw new RequestValidationException("follow", "must be true or false."),
    };
}
