using System.Globalization;
using FunctionsCloud.Domain.Validation;

namespace FunctionsCloud.Application.Logs;

/// <summary>
/// How far a follower has read an action's log: the time of the last line received (epoch seconds, as its log
/// keeps them) and how many lines of that second it had (<c>seconds.count</c>). An action's log drops its oldest
/// lines past its size limit, so lines are counted by their time, not their place.
/// </summary>
public readonly record struct ActionLogCursor(long Seconds, int Count)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Seconds}.{Count}");

    public static ActionLogCursor Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot > 0
            && long.TryParse(text.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && int.TryParse(text.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? new ActionLogCursor(seconds, count)
            : throw new RequestValidationException("Last-Event-ID", "is not an id this stream sent; send back the id of the last event received, unchanged.");
    }

    /// <summary>Whether a line at <paramref name="at"/>, the <paramref name="nthOfItsSecond"/>-th of its second, was sent already.</summary>
    public bool Covers(DateTimeOffset at, int nthOfItsSecond) =>
        at.ToUnixTimeSeconds() < Seconds || (at.ToUnixTimeSeconds() == Seconds && nthOfItsSecond <= Count);
}
