using System.Collections.Concurrent;
using FunctionsCloud.Domain.Agents;

namespace FunctionsCloud.Agent.Containers;

/// <summary>
/// What the reconciler is doing and what it could not do, for the report: desired containers being pulled, created
/// or started (reported Starting), and those that failed (reported Failed with the reason until the next reconcile).
/// </summary>
public sealed class ReconcileProgress
{
    private readonly ConcurrentDictionary<Guid, int> _working = new();
    private readonly ConcurrentDictionary<Guid, int> _intents = new();
    private ConcurrentDictionary<Guid, ContainerFailure> _failures = new();

    public IReadOnlyDictionary<Guid, int> Working => _working;

    public IReadOnlyDictionary<Guid, ContainerFailure> Failures => Volatile.Read(ref _failures);

    /// <summary>A new reconcile forgets the failures of the last one: it tries those containers again.</summary>
    public void Restart() => Volatile.Write(ref _failures, new ConcurrentDictionary<Guid, ContainerFailure>());

    public void Begin(Guid uuid, int revision) => _working[uuid] = revision;

    /// <summary>The desired containers' intents are carried out (or failed, which the report says): reports speak of them now.</summary>
    public void Carried(IEnumerable<(Guid Uuid, int Intent)> desired)
    {
        foreach (var (uuid, intent) in desired)
            _intents[uuid] = intent;
    }

    /// <summary>The intent of the container the last reconcile carried out; 0 before any (after the agent started).</summary>
    public int IntentOf(Guid uuid) => _intents.GetValueOrDefault(uuid);

    public void End(Guid uuid) => _working.TryRemove(uuid, out _);

    /// <summary>Remembered with its message cut to what the control plane takes, so that a long engine error never costs the node its heartbeats.</summary>
    public void Fail(Guid uuid, int revision, string message) => Volatile.Read(ref _failures)[uuid] = new ContainerFailure(revision, ReportLimits.Cut(message));
}
