using FunctionsCloud.Agent.ControlPlane;
using FunctionsCloud.Agent.Identity;
using FunctionsCloud.Agent.Inventory;
using FunctionsCloud.Domain.Agents;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Agent.Heartbeats;

/// <summary>
/// Sends a heartbeat with the inventory and the lease of the last answer, then waits the interval the control plane
/// answered with, until cancelled or until the control plane no longer knows the node (404/401). Other failures are
/// logged and the loop goes on. A 401 after the secret was rotated on disk (<c>--rotate-secret</c>) is no end: the
/// loop picks up the new secret.
/// </summary>
public sealed partial class HeartbeatLoop(
    ControlPlaneClient controlPlane,
    InventoryCollector inventory,
    IdentityStore identities,
    TimeProvider time,
    ILogger<HeartbeatLoop> logger)
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxInterval = TimeSpan.FromHours(1);

    private long _sent;

    /// <summary>The wait before the next heartbeat.</summary>
    public TimeSpan Interval { get; private set; }

    /// <summary>Heartbeats the control plane accepted so far.</summary>
    public long Accepted => Interlocked.Read(ref _sent);

    /// <summary>The node's desired-state generation, as the last answer said.</summary>
    public int Generation { get; private set; }

    public async Task<HeartbeatOutcome> RunAsync(NodeIdentity identity, TimeSpan initialInterval, CancellationToken cancellationToken, string? lease = null)
    {
        ArgumentNullException.ThrowIfNull(identity);
        Interval = Clamp(initialInterval);
        var failures = 0;
        while (true)
        {
            try
            {
                var request = new HeartbeatRequest(await inventory.CollectAsync(cancellationToken).ConfigureAwait(false), lease);
                var response = await controlPlane.HeartbeatAsync(identity.NodeSecret, request, cancellationToken).ConfigureAwait(false);
                var interval = response.HeartbeatIntervalSeconds > 0 ? Clamp(TimeSpan.FromSeconds(response.HeartbeatIntervalSeconds)) : Interval;
                if (Interlocked.Increment(ref _sent) == 1 || failures > 0 || interval != Interval)
                {
                    LogAccepted(logger, identity.Uuid, failures, interval.TotalSeconds);
                }
                else
                {
                    LogBeat(logger, identity.Uuid);
                }

                if (response.Generation != Generation)
                {
                    LogGeneration(logger, identity.Uuid, response.Generation);
                }

                (Interval, Generation, lease) = (interval, response.Generation, response.Lease);
                failures = 0;
            }
            catch (ControlPlaneException ex) when (ex.IsUnauthorized && RotatedOnDisk(identity) is { } rotated)
            {
                LogRotated(logger, identity.Uuid);
                (identity, lease) = (rotated, null);
                continue;
            }
            catch (ControlPlaneException ex) when (ex.IsNotFound || ex.IsUnauthorized)
            {
                LogNodeGone(logger, identity.Uuid, ex.Message);
                return HeartbeatOutcome.NodeGone;
            }
            catch (ControlPlaneException ex)
            {
                failures++;
                LogFailed(logger, identity.Uuid, failures, ex.Message, Interval.TotalSeconds);
            }

            await Task.Delay(Interval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The identity on disk when it is this node's with another secret (rotated while the agent ran).</summary>
    private NodeIdentity? RotatedOnDisk(NodeIdentity current)
    {
        try
        {
            return identities.Load() is { } stored && stored.Uuid == current.Uuid && stored.NodeSecret != current.NodeSecret ? stored : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static TimeSpan Clamp(TimeSpan interval) =>
        interval < MinInterval ? MinInterval : interval > MaxInterval ? MaxInterval : interval;

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {NodeUuid}: heartbeat accepted after {Failures} failure(s); next in {IntervalSeconds:0} s")]
    private static partial void LogAccepted(ILogger logger, Guid nodeUuid, int failures, double intervalSeconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Node {NodeUuid}: heartbeat accepted")]
    private static partial void LogBeat(ILogger logger, Guid nodeUuid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {NodeUuid}: desired-state generation is now {Generation}")]
    private static partial void LogGeneration(ILogger logger, Guid nodeUuid, int generation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {NodeUuid}: the node secret was rotated; heartbeats go on with the new one")]
    private static partial void LogRotated(ILogger logger, Guid nodeUuid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {NodeUuid}: heartbeat failed {Failures} time(s) in a row ({Reason}); trying again in {IntervalSeconds:0} s")]
    private static partial void LogFailed(ILogger logger, Guid nodeUuid, int failures, string reason, double intervalSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {NodeUuid}: the control plane no longer accepts this node ({Reason}); it was terminated or its secret was revoked. The agent stops; its state directory is left as it is")]
    private static partial void LogNodeGone(ILogger logger, Guid nodeUuid, string reason);
}
