namespace FunctionsCloud.Application.Logs;

/// <summary>One container whose log is read: where its blobs are (its node) and the name lines of a service are tagged with.</summary>
/// <param name="Ended">When the container was terminated (null while it is not): it printed nothing after.</param>
public sealed record LogSource(Guid NodeUuid, Guid ContainerUuid, string ContainerName, DateTimeOffset? Ended = null)
{
    /// <summary>The key of the container in a cursor: its short id (uuids are random from their first digit).</summary>
    public string Key => ContainerUuid.ToString("N")[..8];
}
