using System.Buffers.Binary;
using FunctionsCloud.Domain.Nodes;

namespace FunctionsCloud.Domain.Liveness;

/// <summary>
/// When a silent node becomes Unreachable, and when an Unreachable one is given up as lost; where a node's due row
/// lies; and what the monitor does with a node whose deadline has passed. Pure, so the monitor, health checks and
/// heartbeats share it.
/// </summary>
/// <param name="Period">
/// The monitor's period. Due rows lie at deadlines rounded up to the node's own grid of it (multiples of the period
/// shifted by the node's <see cref="PhaseOf">phase</see>): a heartbeat moves its node's due row only when the
/// deadline crosses into the next period of that grid, so agents that beat more often than the monitor ticks mostly
/// write the pointer row alone. The phases spread those moves (a transaction, dearer than a merge) over the whole
/// period: on one grid every node's deadline crossed at the same instant, and all their next heartbeats were
/// transactions at once. A tick finds a node whose deadline has passed at most two periods late (one without phases).
/// </param>
/// <param name="OwnOutageGap">
/// How long the monitor may go without a tick that worked before it takes the gap for an outage of its own (storage
/// down, or the control plane itself): then it judges nobody for unreachable_after. Null: three periods, at least 5 s.
/// </param>
public sealed record LivenessPolicy(TimeSpan UnreachableAfter, TimeSpan LostAfter, TimeSpan Period, TimeSpan? OwnOutageGap = null)
{
    /// <summary>A gap between ticks that worked longer than this was the monitor's own outage.</summary>
    public TimeSpan OutageGap => OwnOutageGap ?? TimeSpan.FromTicks(Math.Max(3 * Period.Ticks, TimeSpan.FromSeconds(5).Ticks));

    /// <summary>Whether silence means the nodes' again: the monitor has worked without a gap for unreachable_after.</summary>
    public bool MayJudge(DateTimeOffset workingSince, DateTimeOffset now) => now - workingSince >= UnreachableAfter;

    /// <summary>When the node must be looked at again if it stays silent: Unreachable after one span, lost after the other.</summary>
    public DateTimeOffset DeadlineAfter(DateTimeOffset lastSeen, bool unreachable) => lastSeen + (unreachable ? LostAfter : UnreachableAfter);

    public bool IsOverdue(DateTimeOffset lastSeen, bool unreachable, DateTimeOffset now) => DeadlineAfter(lastSeen, unreachable) <= now;

    /// <summary>The due row of node <paramref name="nodeUuid"/> last seen at <paramref name="lastSeen"/> (UTC ticks): never before its deadline, less than a period after it.</summary>
    public long DueAfter(Guid nodeUuid, DateTimeOffset lastSeen, bool unreachable) =>
        RoundUp(DeadlineAfter(lastSeen, unreachable).UtcTicks, PhaseOf(nodeUuid));

    /// <summary>Where in the period the node's grid lies (ticks, from 0 to the period): fixed per node, spread evenly over random uuids.</summary>
    public long PhaseOf(Guid nodeUuid)
    {
        if (Period.Ticks <= 1)
            return 0;
        Span<byte> bytes = stackalloc byte[16];
        nodeUuid.TryWriteBytes(bytes);
        return (long)(BinaryPrimitives.ReadUInt64LittleEndian(bytes) % (ulong)Period.Ticks);
    }

    /// <summary>
    /// The lost due row of a node whose Unreachable due row was <paramref name="dueTicks"/>: the node was last seen at
    /// most unreachable_after before it, so this is never early, and late by less than one period.
    /// </summary>
    public long LostDueAfter(long dueTicks) => dueTicks - UnreachableAfter.Ticks + LostAfter.Ticks;

    /// <param name="state">The node's state, null when it no longer exists.</param>
    /// <param name="seenSince">The node answered after the silence being judged (a heartbeat brought it back meanwhile).</param>
    /// <param name="unreachable">The deadline that passed was the lost one (the node was already judged Unreachable).</param>
    public static LivenessVerdict Judge(NodeState? state, bool seenSince, bool unreachable) => state switch
    {
        null or NodeState.Terminating or NodeState.Terminated => LivenessVerdict.Forget,
        _ when seenSince => LivenessVerdict.Alive,
        _ when unreachable => LivenessVerdict.Lost,
        _ => LivenessVerdict.Silent,
    };

    private long RoundUp(long ticks, long phase) =>
        Period.Ticks <= 1 ? ticks : (ticks - phase + Period.Ticks - 1) / Period.Ticks * Period.Ticks + phase;
}
