using FunctionsCloud.Domain.Liveness;

namespace FunctionsCloud.Application.Liveness;

/// <summary>
/// The monitor's own storage outages. While the control plane cannot reach its storage, heartbeats cannot be recorded
/// either, so a node's silence then is not the node's: after the monitor's own storage calls fail, it judges nobody
/// until storage has worked for a whole unreachable_after again, counted from the first call that worked after the
/// failure (not from the failure: a call that hung through the outage and then answered must not end it at once),
/// long enough for every live agent's next heartbeats (the agents retry them) to land.
/// </summary>
public sealed class OwnStorageOutage(LivenessPolicy policy, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private bool _failing;
    private DateTimeOffset? _workingSince;

    /// <summary>Records that the monitor's storage calls failed now.</summary>
    public void Failed()
    {
        lock (_gate)
            (_failing, _workingSince) = (true, null);
    }

    /// <summary>Records that a storage call of the monitor answered now.</summary>
    public void Worked()
    {
        lock (_gate)
        {
            if (_failing)
                (_failing, _workingSince) = (false, clock.GetUtcNow());
        }
    }

    /// <summary>Whether storage has worked long enough since its last failure for silence to mean the nodes'.</summary>
    public bool MayJudge(DateTimeOffset now)
    {
        lock (_gate)
            return !_failing && (_workingSince is not { } since || now - since >= policy.UnreachableAfter);
    }
}
