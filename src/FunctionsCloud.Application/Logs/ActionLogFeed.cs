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
/// action ends. Its lines are those of the action's <c>logs</c> field, each with the second it was written.
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
        [.. Shown(Numbered(Lines(action)).ToList(), query).Select(l => LogMessage.Of(l.Line))];

    /// <param name="resume">The cursor the client sent back (Last-Event-ID); null to begin with the query's read.</param>
    public async IAsyncEnumerable<LogStreamItem> FollowAsync(
        ActionRecord action, LogQuery query, ActionLogCursor? resume, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursor = resume ?? StartOf(action, query);
        var polls = schedule.PollsAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (polls.ConfigureAwait(false))
        {
            while (true)
            {
                var sent = false;
                foreach (var (line, nth) in Numbered(Lines(action)))
                {
                    if (cursor.Covers(line.Timestamp, nth))
                        continue;
                    (cursor, sent) = (new ActionLogCursor(line.Timestamp.ToUnixTimeSeconds(), nth), true);
                    yield return new LogStreamItem(cursor.ToString(), LogMessage.Of(line));
                }

                if (ActionStates.IsFinished(action.State) || !await polls.MoveNextAsync())
                    yield break;
                if (!sent)
                    yield return LogStreamItem.Nothing;
                action = await actions.GetAsync(action.Namespace, action.Uuid, cancellationToken) ?? action;
            }
        }
    }

    /// <summary>Where a follower without a cursor begins: just before the first line the query shows, else after every line.</summary>
    private static ActionLogCursor StartOf(ActionRecord action, LogQuery query)
    {
        var numbered = Numbered(Lines(action)).ToList();
        var shown = Shown(numbered, query);
        return shown.Count > 0 ? new(shown[0].Line.Timestamp.ToUnixTimeSeconds(), shown[0].Nth - 1)
            : numbered.Count > 0 ? new(numbered[^1].Line.Timestamp.ToUnixTimeSeconds(), numbered[^1].Nth)
            : default;
    }

    private static IReadOnlyList<(LogLine Line, int Nth)> Shown(IReadOnlyList<(LogLine Line, int Nth)> numbered, LogQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var since = numbered.Where(l => query.Since is null || l.Line.Timestamp >= query.Since);
        return query.Tail is { } tail ? [.. since.TakeLast(tail)] : [.. since];
    }

    /// <summary>The log's lines, oldest first; a first line cut short by the log's size limit is left out.</summary>
    public static IReadOnlyList<LogLine> Lines(ActionRecord action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var lines = new List<LogLine>();
        foreach (var text in action.Logs.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (text.Length > 21 && text[20] == ' '
                && DateTimeOffset.TryParseExact(text[..20], "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                lines.Add(new LogLine(at, Source, text[21..]));
        }

        return lines;
    }

    /// <summary>Each line with its place among the lines of its second (from 1).</summary>
    private static IEnumerable<(LogLine Line, int Nth)> Numbered(IEnumerable<LogLine> lines)
    {
        var (second, nth) = (long.MinValue, 0);
        foreach (var line in lines)
        {
            var at = line.Timestamp.ToUnixTimeSeconds();
            (second, nth) = at == second ? (second, nth + 1) : (at, 1);
            yield return (line, nth);
        }
    }
}
