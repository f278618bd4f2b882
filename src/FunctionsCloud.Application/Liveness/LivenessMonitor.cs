using System.Diagnostics;
using FunctionsCloud.Application.Telemetry;
using FunctionsCloud.Domain.Events;
using FunctionsCloud.Domain.Liveness;
using FunctionsCloud.Storage.Events;
using FunctionsCloud.Storage.Liveness;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Application.Liveness;

/// <summary>
/// Finds the silent nodes without reading the others: per shard, one range query over the due rows whose
/// deadline has passed. Each such node is first claimed in the liveness table (its due row moved on, guarded
/// by the row's ETag, so two monitors or a racing heartbeat never both win), then judged: Unreachable after
/// unreachable_after, handed to the lost-node handling after lost_after, forgotten when terminated. After a gap in the
/// ticks that worked (the control plane's own storage down, or the control plane itself), on whichever instance, it
/// holds back judgement for a while (<see cref="OwnStorageOutage"/>).
/// </summary>
public sealed partial class LivenessMonitor(
    ILivenessStore liveness,
    IEventStore events,
    NodeLivenessTransitions transitions,
    ILostNodeHandler lostNodes,
    LivenessPolicy policy,
    OwnStorageOutage outage,
    TimeProvider clock,
    ILogger<LivenessMonitor> logger)
{
    /// <summary>One page per shard and tick: a mass outage is worked off over several ticks, each bounded.</summary>
    public const int MaxDuePerShard = 1000;

    /// <param name="durable">Hands lost nodes' containers to reschedule operations (null: lost nodes are only recorded).</param>
    public async Task<MonitorTick> TickAsync(CancellationToken cancellationToken, DurableTaskClient? durable = null)
    {
        using var span = FunctionsCloudTelemetry.Source.StartActivity(FunctionsCloudTelemetry.MonitorTickSpan);
        var started = Stopwatch.GetTimestamp();
        var tick = await JudgeDueAsync(durable, cancellationToken);
        MonitorMetrics.Record(tick, Stopwatch.GetElapsedTime(started));
        span?.SetTag("monitor.due", tick.Due);
        return tick;
    }

    private async Task<MonitorTick> JudgeDueAsync(DurableTaskClient? durable, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        try
        {
            return await JudgeDueAsync(now, durable, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogOwnOutage(logger, e.Message);
            throw;
        }
    }

    private async Task<MonitorTick> JudgeDueAsync(DateTimeOffset now, DurableTaskClient? durable, CancellationToken cancellationToken)
    {
        var due = (await Task.WhenAll(liveness.Shards.Keys.Select(shard => liveness.DueAsync(shard, now, MaxDuePerShard, cancellationToken))))
            .SelectMany(rows => rows)
            .ToList();
        // The due rows' query is also the probe that tells when storage works again after an outage of its own.
        if (!await outage.WorkedAsync(cancellationToken) || due.Count == 0)
            return new MonitorTick(0, 0, 0, 0, 0);

        // The nodes are read while their rows are claimed: their writes are guarded by the ETags read, so a
        // heartbeat landing in between makes a write fail and the node be judged again, never wrongly.
        var reading = transitions.ReadAllAsync(due, cancellationToken);
        var claimed = await liveness.TryWriteAllAsync(due.Select(d => Claim(d, ifMatch: "*")).ToList(), cancellationToken);
        var found = await reading;
        await ForgetOrphansAsync(due.Where((_, i) => !claimed[i]), cancellationToken);
        var won = Enumerable.Range(0, due.Count).Where(i => claimed[i]).ToList();
        var tick = await SettleAsync(won.Select(i => due[i]).ToList(), won.Select(i => found[i]).ToList(), durable, cancellationToken) with { Due = due.Count };
        if (tick.MadeUnreachable + tick.Lost + tick.Forgotten > 0)
            LogTick(logger, tick.Due, tick.MadeUnreachable, tick.Lost, tick.Forgotten);
        return tick;
    }

    /// <summary>
    /// Applies the monitor's rules to one node now (the health check): if its deadline has passed it is judged
    /// exactly as a tick would; otherwise nothing changes. Claimed by the pointer's ETag rather than the due row's.
    /// </summary>
    public async Task EvaluateAsync(string @namespace, Guid nodeUuid, CancellationToken cancellationToken, DurableTaskClient? durable = null)
    {
        var pointer = await liveness.GetAsync(@namespace, nodeUuid, cancellationToken);
        if (pointer is not { DueTicks: not 0 } || !policy.IsOverdue(pointer.LastSeen, pointer.Unreachable, clock.GetUtcNow()))
            return;
        var due = new LivenessDue(@namespace, nodeUuid, pointer.DueTicks, pointer.LastSeen, pointer.Unreachable, Version: "*");
        if (await liveness.TryWriteAsync(Claim(due, pointer.Version!), cancellationToken) is not null)
            await SettleAsync([due], await transitions.ReadAllAsync([due], cancellationToken), durable, cancellationToken);
    }

    /// <summary>
    /// Moves the due row on: to the lost deadline when the node becomes Unreachable, away when it is lost (no more
    /// ticks for it until a heartbeat). The pointer is flagged so that the next heartbeat, whose lease no longer
    /// matches, takes the path that brings the node back.
    /// </summary>
    private LivenessWrite Claim(LivenessDue due, string ifMatch)
    {
        var next = due.Unreachable ? 0 : policy.LostDueAfter(due.DueTicks);
        return new LivenessWrite(due.Namespace, due.NodeUuid, ifMatch, new LivenessPatch { Unreachable = true },
            new DueMove(due.DueTicks, due.Version, next, due.LastSeen, Unreachable: true));
    }

    private async Task<MonitorTick> SettleAsync(IReadOnlyList<LivenessDue> claimed, IReadOnlyList<Domain.Nodes.Node?> found, DurableTaskClient? durable, CancellationToken cancellationToken)
    {
        var judged = await transitions.JudgeAllAsync(claimed, found, cancellationToken);
        await events.AddAsync(judged.Select(j => j.Event).OfType<EventRecord>().ToList(), cancellationToken);
        var forgotten = claimed.Where((_, i) => judged[i].Verdict == LivenessVerdict.Forget).ToList();
        foreach (var due in forgotten)
            await liveness.RemoveAsync(due.Namespace, due.NodeUuid, cancellationToken: cancellationToken);
        var lost = judged.Where(j => j.Verdict == LivenessVerdict.Lost).ToList();
        foreach (var judgement in lost)
            await lostNodes.HandleAsync(judgement.Node!, durable, cancellationToken);
        return new MonitorTick(claimed.Count, claimed.Count,
            judged.Count(j => j.Verdict == LivenessVerdict.Silent && j.Event is not null), lost.Count, forgotten.Count);
    }

    /// <summary>A claim fails when the node changed meanwhile, or when its pointer is gone: then the due row is an orphan.</summary>
    private async Task ForgetOrphansAsync(IEnumerable<LivenessDue> unclaimed, CancellationToken cancellationToken)
    {
        foreach (var due in unclaimed)
        {
            if (await liveness.GetAsync(due.Namespace, due.NodeUuid, cancellationToken) is null)
                await liveness.RemoveAsync(due.Namespace, due.NodeUuid, due.DueTicks, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Liveness monitor: the tick failed ({Reason}); no node is judged until ticks have worked for unreachable_after again.")]
    private static partial void LogOwnOutage(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Liveness monitor: {Due} nodes due; {Unreachable} became Unreachable, {Lost} lost, {Forgotten} forgotten.")]
    private static partial void LogTick(ILogger logger, int due, int unreachable, int lost, int forgotten);
}
