using FunctionsCloud.Domain.Liveness;
using FunctionsCloud.Domain.Nodes;

namespace FunctionsCloud.Domain.Tests.Liveness;

public sealed class LivenessPolicyTests
{
    private static readonly LivenessPolicy Policy = new(TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(10));
    private static readonly DateTimeOffset Seen = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Theory]
    [InlineData(null, false, false, LivenessVerdict.Forget)]
    [InlineData(NodeState.Terminating, false, false, LivenessVerdict.Forget)]
    [InlineData(NodeState.Terminated, true, true, LivenessVerdict.Forget)]
    [InlineData(NodeState.Deployed, true, false, LivenessVerdict.Alive)]
    [InlineData(NodeState.Unreachable, true, true, LivenessVerdict.Alive)]
    [InlineData(NodeState.Deployed, false, false, LivenessVerdict.Silent)]
    [InlineData(NodeState.Upgrading, false, false, LivenessVerdict.Silent)]
    [InlineData(NodeState.Unreachable, false, true, LivenessVerdict.Lost)]
    public void A_node_whose_deadline_passed_is_judged_by_its_state_and_whether_it_was_seen_since(
        NodeState? state, bool seenSince, bool unreachable, LivenessVerdict verdict) =>
        Assert.Equal(verdict, LivenessPolicy.Judge(state, seenSince, unreachable));

    [Fact]
    public void A_node_is_overdue_from_unreachable_after_and_then_from_lost_after()
    {
        Assert.False(Policy.IsOverdue(Seen, unreachable: false, Seen.AddSeconds(44.9)));
        Assert.True(Policy.IsOverdue(Seen, unreachable: false, Seen.AddSeconds(45)));
        Assert.False(Policy.IsOverdue(Seen, unreachable: true, Seen.AddSeconds(299)));
        Assert.True(Policy.IsOverdue(Seen, unreachable: true, Seen.AddSeconds(300)));
    }

    [Fact]
    public void Due_rows_lie_at_deadlines_rounded_up_to_the_monitor_period()
    {
        var onBoundary = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000 - 45);
        Assert.Equal(onBoundary.AddSeconds(45).UtcTicks, Policy.DueAfter(onBoundary, unreachable: false));
        Assert.Equal(onBoundary.AddSeconds(55).UtcTicks, Policy.DueAfter(onBoundary.AddSeconds(0.1), unreachable: false));
        Assert.Equal(onBoundary.AddSeconds(55).UtcTicks, Policy.DueAfter(onBoundary.AddSeconds(10), unreachable: false));
        // Beats within one period keep the due row where it is.
        Assert.Equal(Policy.DueAfter(onBoundary.AddSeconds(1), false), Policy.DueAfter(onBoundary.AddSeconds(4.9), false));
    }

    [Fact]
    public void The_lost_due_row_is_never_early_and_late_by_less_than_one_period()
    {
        for (var offset = 0.0; offset < 10; offset += 0.7)
        {
            var lastSeen = Seen.AddSeconds(offset);
            var lost = Policy.LostDueAfter(Policy.DueAfter(lastSeen, unreachable: false));
            Assert.InRange(lost - lastSeen.AddSeconds(300).UtcTicks, 0, TimeSpan.FromSeconds(10).Ticks - 1);
        }
    }
}
