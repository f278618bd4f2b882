using System.Globalization;
using System.Runtime.CompilerServices;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Logs;
using FunctionsCloud.Storage.Actions;

namespace FunctionsCloud.Application.Logs;

/// <summary>
/// An action's log as log messages (source <c>action</c>): a finished read, or a stream that follows it until the
/// action ends, then says so (<see cref="LogStreamItem.End"/>); a stream that ends before (its longest duration) does
/// not. Its lines are those of the action's <c>logs</c> field, each with the second it was written.
/// </summary>
public sealed class ActionLogFeed(IActionStore actions, FollowSchedule schedule)
{
    public const string Source = "action";

    public async Task<ActionRecord> GetAsync(Caller caller, Guid uuid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return await actions.GetAsync(caller.Namespace, uuid, cancellationToken) ?? throw new ResourceNotFoundException("action", uuid.ToString());
    }

    public static IReadOnlyList<LogMessage> Read(ActionRecord action, LogQuery query) =>
        [.. Shown(Numbered(action), query).Select(l => LogMessage.Of(l.Line))];

    /// <param name="resume">The cursor the client sent back (Last-Event-ID); null to begin with the query's read.</param>
    public async IAsyncEnumerable<LogStreamItem> FollowAsync(
        ActionRecord action, LogQuery query, ActionLogCursor? resume, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursor = resume;
        var lines = Numbered(action);
        var next = cursor is { } from ? from.FirstUnsent(Places(lines)) : lines.Count - Shown(lines, query).Count;
        if (cursor is null && next > 0)
            cursor = ActionLogCursor.After(lines[next - 1].Raw, lines[next - 1].Line.Timestamp, lines[next - 1].Nth);
        var polls = schedule.PollsAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (polls.ConfigureAwait(false))
        {
            while (true)
            {
                for (; next < lines.Count; next++)
                {
                    var (raw, line, nth) = lines[next];
                    cursor = ActionLogCursor.After(raw, line.Timestamp, nth);
                    yield return new LogStreamItem(cursor.ToString(), LogMessage.Of(line));
                }

                if (ActionStates.IsFinished(action.State))
                {
                    yield return LogStreamItem.End;
                    yield break;
                }

                if (!await polls.MoveNextAsync())
                    yield break;
                yield return LogStreamItem.Nothing;
                action = await actions.GetAsync(action.Namespace, action.Uuid, cancellationToken) ?? action;
                lines = Numbered(action);
                next = cursor is { } sent ? sent.FirstUnsent(Places(lines)) : 0;
            }
        }
    }

    private static IReadOnlyList<(LogLine Line, int Nth)> Shown(IReadOnlyList<(string Raw, LogLine Line, int Nth)> numbered, LogQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var since = numbered.Where(l => query.Since is null || l.Line.Timestamp >= query.Since).Select(l => (l.Line, l.Nth));
        return query.Tail is { } tail ? [.. since.TakeLast(tail)] : [.. since];
    }

    private static List<(string Raw, DateTimeOffset At, int Nth)> Places(IReadOnlyList<(string Raw, LogLine Line, int Nth)> lines) =>
        [.. lines.Select(l => (l.Raw, l.Line.Timestamp, l.Nth))];

    /// <summary>
    /// Each line as stored, read, and with its place among the lines of its second (from 1), oldest first; a first line
    /// cut short by the log's size limit is left out.
    /// </summary>
    private static List<(string Raw, LogLine Line, int Nth)> Numbered(ActionRecord action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var lines = new List<(string, LogLine, int)>();
        var (second, nth) = (long.MinValue, 0);
        foreach (var text in action.Logs.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (text.Length > 21 && text[20] == ' '
                && DateTimeOffset.TryParseExact(text[..20], "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                var seconds = at.ToUnixTimeSeconds();
                (second, nth) = seconds == second ? (second, nth + 1) : (seconds, 1);
                lines.Add((text, new LogLine(at, Source, text[21..]), nth));
            }
        }

        return lines;
    }
}
