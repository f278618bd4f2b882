using FunctionsCloud.Domain.Liveness;

namespace FunctionsCloud.Application.Liveness;

/// <summary>
/// The monitor's own storage outages. While the control plane cannot reach its storage, heartbeats cannot be recorded
/// either, so a node's silence then is not the node's: after the monitor's own storage calls fail, it judges nobody
/// until storage has worked for a whole unreachable_after again, long enough for every live agent's next heartbeats
/// (the agents retry them) to land. A monitor that cannot tick at all judges nobody anyway.
/// </summary>
public sealed class OwnStorageOutage(LivenessPolicy policy, TimeProvider clock)
{
    private long _lastFailureTicks;

    /// <summary>Records that the monitor's storage calls failed now.</summary>
    public void Failed() => Interlocked.Exchange(ref _lastFailureTicks, clock.GetUtcNow().UtcTicks);

    /// <summary>Whether storage has worked long enough since its last failure for silence to mean the nodes'.</summary>
    public bool MayJudge(DateTimeOffset now) =>
        Interlocked.Read(ref _lastFailureTicks) is var failed && (failed == 0 || now.UtcTicks - failed >= policy.UnreachableAfter.Ticks);
}
