using FunctionsCloud.Application.Logs;

namespace FunctionsCloud.Application.Tests.Logs;

/// <summary>An action log follower's cursor finds its place by the last line it received, not by counting lines of a second.</summary>
public sealed class ActionLogCursorTests
{
    private static readonly DateTimeOffset Second = new(2026, 12, 3, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Lines_dropped_from_the_front_within_the_cursors_second_neither_skip_nor_repeat_a_line()
    {
        List<(string, DateTimeOffset, int)> log = [Line("a", 0, 1), Line("b", 0, 2), Line("c", 0, 3)];
        var cursor = ActionLogCursor.Parse(ActionLogCursor.After("2026-12-03T14:00:00Z b", Second, 2).ToString());

        // The log's size limit dropped "a": "b" is now the first of its second, and "d" came.
        List<(string, DateTimeOffset, int)> truncated = [Line("b", 0, 1), Line("c", 0, 2), Line("d", 0, 3)];

        Assert.Equal(2, cursor.FirstUnsent(log));
        Assert.Equal(1, cursor.FirstUnsent(truncated));
    }

    [Fact]
    public void A_time_that_steps_back_does_not_hide_the_lines_after_it()
    {
        List<(string, DateTimeOffset, int)> log = [Line("late", 5, 1), Line("early", 3, 1), Line("next", 3, 2)];
        var cursor = ActionLogCursor.After("2026-12-03T14:00:05Z late", Second.AddSeconds(5), 1);

        Assert.Equal(1, cursor.FirstUnsent(log));
    }

    [Fact]
    public void Without_its_line_in_the_log_any_more_the_cursor_goes_by_time_and_an_old_id_still_reads()
    {
        List<(string, DateTimeOffset, int)> log = [Line("x", 2, 1), Line("y", 4, 1)];

        Assert.Equal(1, ActionLogCursor.After("2026-12-03T14:00:03Z gone", Second.AddSeconds(3), 1).FirstUnsent(log));
        Assert.Equal(1, ActionLogCursor.Parse($"{Second.AddSeconds(2).ToUnixTimeSeconds()}.1").FirstUnsent(log));
        Assert.Throws<Domain.Validation.RequestValidationException>(() => ActionLogCursor.Parse("1.2.zz"));
    }

    private static (string Raw, DateTimeOffset At, int Nth) Line(string text, int seconds, int nth) =>
        ($"{Second.AddSeconds(seconds):yyyy-MM-ddTHH:mm:ssZ} {text}", Second.AddSeconds(seconds), nth);
}
