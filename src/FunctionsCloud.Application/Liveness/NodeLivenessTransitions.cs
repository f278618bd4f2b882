using FunctionsCloud.Application.Api;
using FunctionsCloud.Domain.Events;
using FunctionsCloud.Domain.Liveness;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Storage.Liveness;
using FunctionsCloud.Storage.Nodes;

namespace FunctionsCloud.Application.Liveness;

/// <summary>
/// The node's state in the Nodes table as liveness moves it: Deployed to Unreachable when silent, back to
/// Deployed on a heartbeat. Every write is ETag-guarded, and a node seen after the silence being judged is left
/// alone, so the monitor and a heartbeat racing each other end with the heartbeat's word.
/// </summary>
public sealed class NodeLivenessTransitions(INodeStore nodes, LivenessPolicy policy, TimeProvider clock)
{
    /// <summary>Node reads in flight at once.</summary>
    private const int Parallelism = 32;

    /// <summary>The nodes of the due rows as they are now (null: gone), read in parallel.</summary>
    public async Task<Node?[]> ReadAllAsync(IReadOnlyList<LivenessDue> due, CancellationToken cancellationToken)
    {
        var found = new Node?[due.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, due.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) => found[i] = await nodes.GetAsync(due[i].Namespace, due[i].NodeUuid, ct));
        return found;
    }

    /// <summary>
    /// Judges nodes whose deadline passed, as <paramref name="found"/> holds them: the ones that become Unreachable
    /// are written together (a transaction per namespace and hundred, each guarded by its ETag), and any that
    /// changed since it was read is judged again alone.
    /// </summary>
    public async Task<IReadOnlyList<Judgement>> JudgeAllAsync(IReadOnlyList<LivenessDue> due, IReadOnlyList<Node?> found, CancellationToken cancellationToken)
    {
        var decided = due.Select((d, i) => (Verdict: Decide(found[i], d, out var moved), Moved: moved)).ToArray();
        var movedAt = Enumerable.Range(0, due.Count).Where(i => decided[i].Moved).ToList();
        var written = await nodes.TryWriteStatesAsync(movedAt.Select(i => found[i]!).ToList(), cancellationToken);
        var judged = due.Select((d, i) => Judged(d, decided[i].Verdict, found[i], decided[i].Moved)).ToArray();
        foreach (var (i, _) in movedAt.Select((i, k) => (i, k)).Where(x => !written[x.k]))
            judged[i] = await JudgeAsync(due[i], cancellationToken);
        return judged;
    }

    /// <summary>Judges one node by read, change, write with If-Match, starting over when it changed meanwhile.</summary>
    public async Task<Judgement> JudgeAsync(LivenessDue due, CancellationToken cancellationToken)
    {
        var verdict = LivenessVerdict.Forget;
        var moved = false;
        var node = await nodes.UpdateAsync(due.Namespace, due.NodeUuid, n =>
        {
            verdict = Decide(n, due, out moved);
            return moved;
        }, cancellationToken);
        return Judged(due, node is null ? LivenessVerdict.Forget : verdict, node, moved);
    }

    /// <summary>
    /// A heartbeat came from a node judged Unreachable: it is Deployed again (Upgrading again while its upgrade runs). Returns the event to record (null when
    /// the node was not Unreachable in the table), or throws 404 when the node is gone or being terminated.
    /// </summary>
    public async Task<EventRecord?> RecoverAsync(string @namespace, Guid nodeUuid, DateTimeOffset silentSince, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var moved = false;
        var node = await nodes.UpdateAsync(@namespace, nodeUuid, n =>
        {
            if (!n.IsLive)
                return false;
            moved = n.State == NodeState.Unreachable;
            if (moved)
            {
                // A live node held by an operation is being upgraded (the node's only operation that leaves it live):
                // it goes back to Upgrading until the upgrade ends.
                n.MoveTo(n.ActiveAction is null ? NodeState.Deployed : NodeState.Upgrading);
                n.LastError = null;
            }

            // Even when not moved: a monitor judging the old silence now sees the node was heard from since.
            n.LastSeen = now;
            return true;
        }, cancellationToken);
        if (node is null || !node.IsLive)
            throw new ResourceNotFoundException("node", nodeUuid.ToString());
        return moved
            ? NodeEvents.For(@namespace, nodeUuid, ApiNames.Of(node.State), $"Heartbeat received after {(int)(now - silentSince).TotalSeconds} s of silence.", now)
            : null;
    }

    /// <summary>The verdict on the node; when it must become Unreachable, the node is changed here (not stored).</summary>
    private static LivenessVerdict Decide(Node? node, LivenessDue due, out bool moved)
    {
        var verdict = LivenessPolicy.Judge(node?.State, seenSince: node?.LastSeen > due.LastSeen, due.Unreachable);
        moved = verdict is LivenessVerdict.Silent or LivenessVerdict.Lost && node!.State != NodeState.Unreachable;
        if (moved)
        {
            node!.MoveTo(NodeState.Unreachable);
            node.LastError = "Its agent has stopped sending heartbeats.";
        }

        return verdict;
    }

    private Judgement Judged(LivenessDue due, LivenessVerdict verdict, Node? node, bool moved)
    {
        var now = clock.GetUtcNow();
        var recorded = verdict switch
        {
            LivenessVerdict.Lost => NodeEvents.For(due.Namespace, due.NodeUuid, NodeEvents.Lost,
                $"No heartbeat for {policy.LostAfter.TotalSeconds:0} s (lost_after): handed to the lost-node handling.", now),
            LivenessVerdict.Silent when moved => NodeEvents.For(due.Namespace, due.NodeUuid, ApiNames.Of(NodeState.Unreachable),
                $"No heartbeat for {policy.UnreachableAfter.TotalSeconds:0} s (unreachable_after).", now),
            _ => null,
        };
        return new Judgement(verdict, node, recorded);
    }
}
