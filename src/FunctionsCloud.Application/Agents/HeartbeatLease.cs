using FunctionsCloud.Storage.Liveness;

namespace FunctionsCloud.Application.Agents;

/// <summary>
/// What the control plane knew of a node when it last answered, handed to the agent signed and echoed back with
/// the next heartbeat, so that the heartbeat can be written without reading first: the pointer row's ETag
/// (If-Match), the key of its due row (to delete), and the secret version and generation of that moment.
/// If anything changed since (the monitor marked the node, its generation or secret moved on), the ETag no
/// longer matches and the heartbeat takes the path with one read.
/// </summary>
/// <param name="ContainersDigest">The <see cref="ContainerReportDigest"/> of the last container report applied (null: none yet).</param>
/// <param name="EngineUpgrade">The engine upgrade ordered to the agent (the pointer's), repeated in every answer while it holds.</param>
public sealed record HeartbeatLease(
    Guid NodeUuid, string PointerVersion, long DueTicks, int SecretVersion, int Generation, string? ContainersDigest = null, Guid? EngineUpgrade = null)
{
    public static HeartbeatLease Of(NodeLiveness pointer) =>
        new(pointer.NodeUuid, pointer.Version!, pointer.DueTicks, pointer.SecretVersion, pointer.Generation, EngineUpgrade: pointer.EngineUpgrade);
}
