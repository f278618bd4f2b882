using System.Globalization;
using FunctionsCloud.Domain.Validation;

namespace FunctionsCloud.Application.Logs;

/// <summary>
/// How far a follower has read an action's log: the time of the last line received (epoch seconds, as its log keeps
/// them), how many lines of that second it had, and a hash of that line's text with its time
/// (<c>seconds.count.hash</c>). An action's log drops its oldest lines past its size limit and its times may step
/// back, so the follower goes on after the last line of the log with that hash (the latest such line of that place in
/// its second first); only when the line has left the log does the time decide.
/// </summary>
public readonly record struct ActionLogCursor(long Seconds, int Count, uint? Hash = null)
{
    public override string ToString() => Hash is { } hash
        ? string.Create(CultureInfo.InvariantCulture, $"{Seconds}.{Count}.{hash:x8}")
        : string.Create(CultureInfo.InvariantCulture, $"{Seconds}.{Count}");

    /// <summary>The cursor just after <paramref name="line"/>, the <paramref name="nthOfItsSecond"/>-th of its second.</summary>
    public static ActionLogCursor After(string line, DateTimeOffset at, int nthOfItsSecond) => new(at.ToUnixTimeSeconds(), nthOfItsSecond, HashOf(line));

    public static ActionLogCursor Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('.');
        return parts.Length is 2 or 3
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && (parts.Length == 2 || (parts[2].Length == 8 && uint.TryParse(parts[2], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _)))
            ? new ActionLogCursor(seconds, count, parts.Length == 3 ? uint.Parse(parts[2], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture) : null)
            : throw new RequestValidationException("Last-Event-ID", "is not an id this stream sent; send back the id of the last event received, unchanged.");
    }

    /// <summary>
    /// Where the lines not sent yet begin among <paramref name="lines"/> (each a raw line, its time and its place in its
    /// second): after the last line sent, found by its hash; else the first line later than the cursor's time and place.
    /// </summary>
    public int FirstUnsent(IReadOnlyList<(string Raw, DateTimeOffset At, int Nth)> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (Hash is { } hash)
        {
            var found = -1;
            for (var i = lines.Count - 1; i >= 0; i--)
            {
                if (HashOf(lines[i].Raw) != hash)
                    continue;
                if (lines[i].At.ToUnixTimeSeconds() == Seconds && lines[i].Nth == Count)
                    return i + 1;
                found = found < 0 ? i : found;
            }

            if (found >= 0)
                return found + 1;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var second = lines[i].At.ToUnixTimeSeconds();
            if (second > Seconds || (second == Seconds && lines[i].Nth > Count))
                return i;
        }

        return lines.Count;
    }

    /// <summary>FNV-1a over the line's UTF-16 text: stable across processes, unlike string hash codes.</summary>
    private static uint HashOf(string line)
    {
        var hash = 2166136261u;
        foreach (var c in line)
            hash = (hash ^ c) * 16777619u;
        return hash;
    }
}
