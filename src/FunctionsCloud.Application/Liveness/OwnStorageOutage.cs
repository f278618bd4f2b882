using FunctionsCloud.Domain.Liveness;
using FunctionsCloud.Storage.Liveness;

namespace FunctionsCloud.Application.Liveness;

/// <summary>
/// The monitor's own outages. While the control plane cannot reach its storage (or is down itself), heartbeats cannot
/// be recorded either, so a node's silence then is not the node's. Every tick that worked leaves its time in a row of
/// the liveness table (<see cref="MonitorMark"/>), so that whichever instance ticks next, a process that just started
/// or one that never saw the failure, finds the gap: after a gap longer than <see cref="LivenessPolicy.OutageGap"/>
/// it judges nobody until ticks have worked for a whole unreachable_after again, counted from the first that worked
/// after the gap, long enough for every live agent's next heartbeats (the agents retry them) to land.
/// </summary>
public sealed class OwnStorageOutage(ILivenessStore liveness, LivenessPolicy policy, TimeProvider clock)
{
    /// <summary>Monitors writing the mark at once: each re-reads it and tries again, a few times.</summary>
    private const int MaxAttempts = 3;

    /// <summary>
    /// Records that this tick's storage calls worked and says whether it may judge. False as well when other monitors
    /// kept writing the mark first: they judge.
    /// </summary>
    public async Task<bool> WorkedAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var now = clock.GetUtcNow();
            var next = Next(await liveness.GetMonitorMarkAsync(cancellationToken), now, policy);
            if (await liveness.TrySaveMonitorMarkAsync(next, cancellationToken))
                return policy.MayJudge(next.WorkingSince, now);
        }

        return false;
    }

    /// <summary>
    /// The mark after a tick that worked at <paramref name="now"/>. A first mark knows of no outage before it (an
    /// installation's first tick has nobody to judge wrongly for one).
    /// </summary>
    public static MonitorMark Next(MonitorMark? mark, DateTimeOffset now, LivenessPolicy policy) => mark switch
    {
        null => new MonitorMark(now, now - policy.UnreachableAfter),
        _ when now - mark.LastWorking > policy.OutageGap => new MonitorMark(now, now, mark.Version),
        _ => mark with { LastWorking = now > mark.LastWorking ? now : mark.LastWorking },
    };
}
