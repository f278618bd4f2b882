using System.Globalization;
using System.Text;
using FunctionsCloud.Domain.Validation;

namespace FunctionsCloud.Application.Logs;

/// <summary>
/// How far a follower has read each container, as a server-sent event's id (<c>key:segment.offset</c>, comma
/// separated; the key is the container's short id): sent back as <c>Last-Event-ID</c>, it resumes exactly after the
/// last line received. A container missing from it (new since) is read from its beginning. It names only the containers
/// followed now, never every container a service ever had: at most <c>MaxContainersPerService</c> (100) of about 25
/// characters each.
/// </summary>
public sealed class LogCursor
{
    public const int MaxLength = 16 * 1024;
    private readonly SortedDictionary<string, LogPoint> _points = new(StringComparer.Ordinal);

    public LogPoint this[LogSource source]
    {
        get => _points.TryGetValue(source.Key, out var point) ? point : LogPoint.Start;
        set => _points[source.Key] = value;
    }

    /// <summary>Forgets every container but these (ended containers leave a follower's cursor, so that it stays short).</summary>
    public void Retain(IEnumerable<LogSource> sources)
    {
        var keep = sources.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var key in _points.Keys.Where(k => !keep.Contains(k)).ToList())
            _points.Remove(key);
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (key, point) in _points)
        {
            if (text.Length > 0)
                text.Append(',');
            text.Append(key).Append(':').Append(point.Segment.ToString(CultureInfo.InvariantCulture)).Append('.').Append(point.Offset.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    public static LogCursor Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cursor = new LogCursor();
        if (text.Length > MaxLength)
            throw Invalid();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            var dot = part.IndexOf('.', colon + 1);
            if (colon != 8 || dot < 0 || !part[..8].All(Uri.IsHexDigit)
                || !long.TryParse(part.AsSpan(colon + 1, dot - colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var segment)
                || !long.TryParse(part.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
                throw Invalid();
            cursor._points[part[..8].ToLowerInvariant()] = new LogPoint(segment, offset);
        }

        return cursor;
    }

    private static RequestValidationException Invalid() =>
        new("Last-Event-ID", "is not an id this stream sent; send back the id of the last event received, unchanged.");
}
