using FunctionsCloud.LocalHost.Timers;

namespace FunctionsCloud.LocalHost.Tests;

public sealed class TimerScheduleTests
{
    private static readonly DateTime At = new(2026, 3, 4, 10, 7, 30, DateTimeKind.Utc);

    [Fact]
    public void Six_fields_include_seconds() =>
        Assert.Equal(At.AddSeconds(5), TimerSchedule.Parse("*/5 * * * * *").NextAfter(At));

    [Fact]
    public void Five_fields_are_minutes() =>
        Assert.Equal(new DateTime(2026, 3, 4, 10, 10, 0, DateTimeKind.Utc), TimerSchedule.Parse("*/5 * * * *").NextAfter(At));

    [Fact]
    public void Time_span_is_an_interval() =>
        Assert.Equal(At.AddSeconds(30), TimerSchedule.Parse("00:00:30").NextAfter(At));

    [Fact]
    public void Next_is_strictly_after() =>
        Assert.Equal(At.AddSeconds(1), TimerSchedule.Parse("* * * * * *").NextAfter(At));

    [Theory]
    [InlineData("every minute")]
    [InlineData("* * *")]
    public void Nonsense_is_rejected(string expression) =>
        Assert.ThrowsAny<FormatException>(() => TimerSchedule.Parse(expression));
}
