using System.Globalization;
using NCrontab;

namespace FunctionsCloud.LocalHost.Timers;

/// <summary>
/// A timer trigger's schedule: an NCRONTAB expression with seconds (6 fields, the Functions format) or without
/// (5 fields), or a TimeSpan interval such as "00:00:30". Times are UTC, as in Azure by default.
/// </summary>
public abstract class TimerSchedule
{
    /// <summary>The first occurrence strictly after <paramref name="afterUtc"/>.</summary>
    public abstract DateTime NextAfter(DateTime afterUtc);

    public static TimerSchedule Parse(string expression)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is 5 or 6)
        {
            var cron = CrontabSchedule.Parse(string.Join(' ', fields), new CrontabSchedule.ParseOptions { IncludingSeconds = fields.Length == 6 });
            return new CronTimerSchedule(cron);
        }

        if (fields.Length == 1 && TimeSpan.TryParse(expression, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero)
            return new IntervalTimerSchedule(interval);

        throw new FormatException($"'{expression}' is neither an NCRONTAB expression (5 or 6 fields) nor a TimeSpan.");
    }

    private sealed class CronTimerSchedule(CrontabSchedule schedule) : TimerSchedule
    {
        public override DateTime NextAfter(DateTime afterUtc) => DateTime.SpecifyKind(schedule.GetNextOccurrence(afterUtc), DateTimeKind.Utc);
    }

    private sealed class IntervalTimerSchedule(TimeSpan interval) : TimerSchedule
    {
        public override DateTime NextAfter(DateTime afterUtc) => afterUtc + interval;
    }
}
