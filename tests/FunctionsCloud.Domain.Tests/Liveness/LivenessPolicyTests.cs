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
    public void Due_rows_lie_at_deadlines_rounded_up_to_the_nodes_own_grid_of_the_monitor_period()
    {
        var node = Guid.Parse("3f2b8c1e-9d4a-4e6b-8f0c-2a7d5e1b9c33");
        var phase = Policy.PhaseOf(node);
        Assert.InRange(phase, 0, TimeSpan.FromSeconds(10).Ticks - 1);
        var onBoundary = new DateTimeOffset(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000 - 45).UtcTicks + phase, TimeSpan.Zero);
        Assert.Equal(onBoundary.AddSeconds(45).UtcTicks, Policy.DueAfter(node, onBoundary, unreachable: false));
        Assert.Equal(onBoundary.AddSeconds(55).UtcTicks, Policy.DueAfter(node, onBoundary.AddSeconds(0.1), unreachable: false));
        Assert.Equal(onBoundary.AddSeconds(55).UtcTicks, Policy.DueAfter(node, onBoundary.AddSeconds(10), unreachable: false));
        // Beats within one period keep the due row where it is.
        Assert.Equal(Policy.DueAfter(node, onBoundary.AddSeconds(1), false), Policy.DueAfter(node, onBoundary.AddSeconds(4.9), false));
    }

    [Fact]
    public void A_due_row_is_never_before_the_deadline_and_less_than_a_period_after_it()
    {
        var random = new Random(7);
        for (var i = 0; i < 1_000; i++)
        {
            var node = NodeFrom(random);
            var lastSeen = Seen.AddTicks(random.NextInt64(TimeSpan.FromDays(1).Ticks));
            Assert.InRange(Policy.DueAfter(node, lastSeen, unreachable: false) - lastSeen.AddSeconds(45).UtcTicks, 0, TimeSpan.FromSeconds(10).Ticks - 1);
        }
    }

    /// <summary>
    /// On one grid, every node's deadline crossed into the next period at the same instant, and the next heartbeat of
    /// each was a transaction, all at once; the phases spread those moves over the period.
    /// </summary>
    [Fact]
    public void The_nodes_due_rows_move_at_instants_spread_over_the_period()
    {
        var random = new Random(11);
        var phases = Enumerable.Range(0, 10_000).Select(_ => Policy.PhaseOf(NodeFrom(random))).ToList();
        var perSecond = phases.GroupBy(p => p / TimeSpan.TicksPerSecond).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(10, perSecond.Count);
        Assert.All(perSecond.Values, count => Assert.InRange(count, 800, 1_200));
    }

    [Fact]
    public void The_lost_due_row_is_never_early_and_late_by_less_than_one_period()
    {
        var random = new Random(3);
        for (var offset = 0.0; offset < 10; offset += 0.7)
        {
            var lastSeen = Seen.AddSeconds(offset);
            var lost = Policy.LostDueAfter(Policy.DueAfter(NodeFrom(random), lastSeen, unreachable: false));
            Assert.InRange(lost - lastSeen.AddSeconds(300).UtcTicks, 0, TimeSpan.FromSeconds(10).Ticks - 1);
        }
    }

    /// <summary>A random (version 4) uuid, as nodes get, from a seeded generator so that the test reads the same every run.</summary>
    private static Guid NodeFrom(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
