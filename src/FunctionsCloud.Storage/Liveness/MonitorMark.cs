namespace FunctionsCloud.Storage.Liveness;

/// <summary>
/// The liveness monitor's own record of when it last worked, shared by every instance: the last tick whose storage
/// calls worked, and since when ticks have worked without a gap. A tick on any instance, or on a process that just
/// started, tells from it whether the control plane was deaf meanwhile.
/// </summary>
/// <param name="Version">The row's ETag; null for a mark not stored yet.</param>
public sealed record MonitorMark(DateTimeOffset LastWorking, DateTimeOffset WorkingSince, string? Version = null);
