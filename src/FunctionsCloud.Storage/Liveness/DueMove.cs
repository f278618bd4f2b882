namespace FunctionsCloud.Storage.Liveness;

/// <summary>Moves a node's due row: the old one goes (if <see cref="FromTicks"/> is not 0), a new one comes (if <see cref="ToTicks"/> is not 0).</summary>
/// <param name="FromVersion">If-Match for the old row: its ETag, or "*" when the pointer's ETag guards the write.</param>
/// <param name="LastSeen">Carried by the new row, so the monitor can judge the node from the row alone.</param>
/// <param name="Unreachable">The new deadline is the lost one.</param>
public sealed record DueMove(long FromTicks, string FromVersion, long ToTicks, DateTimeOffset LastSeen, bool Unreachable);
