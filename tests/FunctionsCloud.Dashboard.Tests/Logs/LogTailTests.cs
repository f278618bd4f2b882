using FunctionsCloud.Client.Resources;
using FunctionsCloud.Dashboard.Logs;

namespace FunctionsCloud.Dashboard.Tests.Logs;

public sealed class LogTailTests
{
    [Fact]
    public void Keeps_the_newest_lines_up_to_its_size()
    {
        var tail = new LogTail(maxShown: 3);
        for (var i = 1; i <= 5; i++)
            tail.Add(Line(i));

        Assert.Equal(["3", "4", "5"], tail.Shown.Select(l => l.Log));
        Assert.Equal(0, tail.Skipped);
        Assert.Equal(Line(5).Time, tail.Newest);
    }

    [Fact]
    public void A_line_held_already_is_not_added_again_but_an_equal_text_at_another_time_is()
    {
        var tail = new LogTail();

        Assert.True(tail.Add(Line(1, "same")));
        Assert.False(tail.Add(Line(1, "same")));
        Assert.True(tail.Add(Line(1, "same", source: "stderr")));
        Assert.True(tail.Add(Line(2, "same")));

        Assert.Equal(3, tail.Shown.Count);
    }

    [Fact]
    public void While_paused_new_lines_wait_and_those_that_do_not_fit_are_counted()
    {
        var tail = new LogTail(maxShown: 2);
        tail.Add(Line(1));
        tail.Pause();
        for (var i = 2; i <= 5; i++)
            tail.Add(Line(i));

        Assert.Equal(["1"], tail.Shown.Select(l => l.Log));
        Assert.Equal(2, tail.Waiting);
        Assert.Equal(2, tail.Skipped);

        tail.Resume();
        Assert.Equal(["4", "5"], tail.Shown.Select(l => l.Log));
        Assert.Equal(0, tail.Waiting);
    }

    [Fact]
    public void A_line_pushed_out_may_come_again()
    {
        var tail = new LogTail(maxShown: 1);
        tail.Add(Line(1));
        tail.Add(Line(2));

        Assert.True(tail.Add(Line(1)));
    }

    [Fact]
    public void Clear_forgets_everything()
    {
        var tail = new LogTail();
        tail.Add(Line(1));
        tail.Pause();
        tail.Add(Line(2));

        tail.Clear();

        Assert.Empty(tail.Shown);
        Assert.Equal(0, tail.Waiting);
        Assert.Null(tail.Newest);
        Assert.True(tail.Add(Line(1)));
    }

    private static LogMessage Line(int second, string? text = null, string source = "stdout") =>
        new("log", text ?? second.ToString(System.Globalization.CultureInfo.InvariantCulture), source, 1_796_299_200 + second, "/api/app/v1/container/c1/", "web-1");
}
