using System.Collections.Concurrent;

namespace FunctionsCloud.Agent.Containers;

/// <summary>
/// What the reconciler is doing and what it could not do, for the report: desired containers being pulled, created
/// or started (reported Starting), and those that failed (reported Failed with the reason until the next reconcile).
/// </summary>
public sealed class ReconcileProgress
{
    private readonly ConcurrentDictionary<Guid, int> _working = new();
    private ConcurrentDictionary<Guid, ContainerFailure> _failures = new();

    public IReadOnlyDictionary<Guid, int> Working => _working;

    public IReadOnlyDictionary<Guid, ContainerFailure> Failures => Volatile.Read(ref _failures);

    /// <summary>A new reconcile forgets the failures of the last one: it tries those containers again.</summary>
    public void Restart() => Volatile.Write(ref _failures, new ConcurrentDictionary<Guid, ContainerFailure>());

    public void Begin(Guid uuid, int revision) => _working[uuid] = revision;

    public void End(Guid uuid) => _working.TryRemove(uuid, out _);

    public void Fail(Guid uuid, int revision, string message) => Volatile.Read(ref _failures)[uuid] = new ContainerFailure(revision, message);
}
