using FunctionsCloud.Application.Liveness;
using FunctionsCloud.Domain.Liveness;
using FunctionsCloud.Storage.Liveness;

namespace FunctionsCloud.Application.Tests.Liveness;

public sealed class OwnStorageOutageTests
{
    private static readonly LivenessPolicy Policy = new(TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(10));
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-03T12:00:00Z");

    [Fact]
    public void A_first_mark_knows_of_no_outage()
    {
        var mark = OwnStorageOutage.Next(null, Now, Policy);

        Assert.Equal(Now, mark.LastWorking);
        Assert.True(Policy.MayJudge(mark.WorkingSince, Now));
    }

    [Fact]
    public void Ticks_that_follow_each_other_keep_the_time_since_when_they_work()
    {
        var since = Now.AddMinutes(-5);

        var mark = OwnStorageOutage.Next(new MonitorMark(Now.AddSeconds(-10), since, "v1"), Now, Policy);

        Assert.Equal(new MonitorMark(Now, since, "v1"), mark);
        Assert.True(Policy.MayJudge(mark.WorkingSince, Now));
    }

    [Fact]
    public void After_a_gap_of_more_than_three_periods_it_judges_nobody_for_unreachable_after_counted_from_the_return()
    {
        var mark = OwnStorageOutage.Next(new MonitorMark(Now.AddSeconds(-31), Now.AddMinutes(-5), "v1"), Now, Policy);

        Assert.Equal(new MonitorMark(Now, Now, "v1"), mark);
        Assert.False(Policy.MayJudge(mark.WorkingSince, Now.AddSeconds(44)));
        Assert.True(Policy.MayJudge(mark.WorkingSince, Now.AddSeconds(45)));
    }

    [Fact]
    public void A_monitor_whose_clock_is_behind_another_does_not_move_the_mark_back()
    {
        var mark = OwnStorageOutage.Next(new MonitorMark(Now.AddSeconds(2), Now.AddMinutes(-5), "v1"), Now, Policy);

        Assert.Equal(Now.AddSeconds(2), mark.LastWorking);
    }
}
