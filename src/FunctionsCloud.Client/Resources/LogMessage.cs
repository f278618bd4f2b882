namespace FunctionsCloud.Client.Resources;

/// <summary>
/// A line of a container's, service's or action's log, as Docker Cloud's streams sent it: <c>source</c> is stdout,
/// stderr or action, <c>timestamp</c> epoch seconds; lines of containers name theirs (<c>container</c>, <c>name</c>).
/// </summary>
public sealed record LogMessage(string Type, string Log, string Source, double Timestamp, string? Container = null, string? Name = null)
{
    public DateTimeOffset Time => DateTimeOffset.UnixEpoch.AddTicks((long)(Timestamp * TimeSpan.TicksPerSecond));
}
