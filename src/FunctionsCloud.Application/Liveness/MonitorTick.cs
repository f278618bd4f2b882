namespace FunctionsCloud.Application.Liveness;

/// <summary>What one monitor tick found and did.</summary>
/// <param name="Due">Due rows read (the nodes whose deadline had passed).</param>
/// <param name="Claimed">Of those, the ones this tick won (the others changed meanwhile, e.g. a heartbeat came).</param>
public sealed record MonitorTick(int Due, int Claimed, int MadeUnreachable, int Lost, int Forgotten);
