using FunctionsCloud.Agent.Containers;
using FunctionsCloud.Agent.ControlPlane;
using FunctionsCloud.Agent.Engine;
using FunctionsCloud.Agent.Identity;
using FunctionsCloud.Agent.Inventory;
using FunctionsCloud.Agent.Logs;
using FunctionsCloud.Domain.Agents;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Agent.Heartbeats;

/// <summary>
/// Sends a heartbeat with the inventory, the node's containers and the lease of the last answer, every interval the
/// control plane answered with, counted from the start of each beat (so the time a beat takes does not stretch the
/// period, and a change is heard at most one interval after it was made), until cancelled or until the control plane
/// no longer knows the node (404/401). Other failures are logged and the loop goes on. A new desired-state generation
/// in an answer starts a reconcile of the node's containers (<see cref="ContainerSync"/>); when it changes the report,
/// a heartbeat goes at once, in between the regular ones. A 401 after the secret was rotated on disk
/// (<c>--rotate-secret</c>) is no end: the loop picks up the new secret. An engine upgrade an answer orders runs beside
/// the loop (<see cref="EngineUpgrader"/>), and its outcome goes with the heartbeats once it has ended.
/// </summary>
public sealed partial class HeartbeatLoop(
    ControlPlaneClient controlPlane,
    InventoryCollector inventory,
    IdentityStore identities,
    ContainerSync containers,
    LogCredentialHolder logCredentials,
    EngineUpgrader upgrades,
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
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            return await BeatUntilGoneAsync(identity, lease, stopping.Token).ConfigureAwait(false);
        }
        finally
        {
            await stopping.CancelAsync().ConfigureAwait(false);
            await containers.StopAsync().ConfigureAwait(false);
        }
    }

    private async Task<HeartbeatOutcome> BeatUntilGoneAsync(NodeIdentity identity, string? lease, CancellationToken cancellationToken)
    {
        var failures = 0;
        ContainerReport? pending = null;
        IReadOnlyList<ReportedContainer>? lastSent = null;
        var due = time.GetUtcNow();
        while (true)
        {
            // A beat that carries a changed report goes in between and leaves the cadence as it was.
            var regular = pending is null;
            var began = time.GetUtcNow();
            try
            {
                var report = pending is null ? await containers.ReportAsync(identity.Uuid, cancellationToken).ConfigureAwait(false) : pending.Containers;
                var request = new HeartbeatRequest(
                    await inventory.CollectAsync(cancellationToken).ConfigureAwait(false), lease, report, logCredentials.Expires, upgrades.Report);
                var response = await controlPlane.HeartbeatAsync(identity.NodeSecret, request, cancellationToken).ConfigureAwait(false);
                lease = Accept(identity, response, failures);
                upgrades.Follow(response.EngineUpgrade, cancellationToken);
                (lastSent, failures) = (report, 0);
                if (report is not null)
                {
                    containers.Delivered(report);
                    // Without an engine there is nothing to reconcile (and nothing it could be told).
                    containers.StartIfDue(identity, response.Generation, cancellationToken);
                }
            }
            catch (ControlPlaneException ex) when (ex.IsUnauthorized && RotatedOnDisk(identity) is { } rotated)
            {
                LogRotated(logger, identity.Uuid);
                (identity, lease, pending) = (rotated, null, null);
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

            due = regular ? began + Interval : due;
            pending = await WaitForNextBeatAsync(identity.Uuid, lastSent, due, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes in an accepted answer: its interval, generation and lease (returned, to echo next time).</summary>
    private string? Accept(NodeIdentity identity, HeartbeatResponse response, int failures)
    {
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

        (Interval, Generation) = (interval, response.Generation);
        logCredentials.Accept(identity.Uuid, response.Logs);
        return response.Lease;
    }

    /// <summary>
    /// Waits until the next beat is due; a reconcile that ends meanwhile and changes the report cuts the wait short, so
    /// the control plane learns of the new containers at once. Returns that report, or null to take a new one.
    /// </summary>
    private async Task<ContainerReport?> WaitForNextBeatAsync(
        Guid nodeUuid, IReadOnlyList<ReportedContainer>? lastSent, DateTimeOffset due, CancellationToken cancellationToken)
    {
        while (containers.Running is { } reconcile)
        {
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(Until(due), time, waiting.Token);
            if (await Task.WhenAny(delay, reconcile).ConfigureAwait(false) == delay)
            {
                await delay.ConfigureAwait(false);
                return null;
            }

            await waiting.CancelAsync().ConfigureAwait(false);
            await containers.CompleteAsync().ConfigureAwait(false);
            var report = await containers.ReportAsync(nodeUuid, cancellationToken).ConfigureAwait(false);
            if (!ReportComparison.Same(report, lastSent))
            {
                return new ContainerReport(report);
            }
        }

        await Task.Delay(Until(due), time, cancellationToken).ConfigureAwait(false);
        return null;
    }

    private TimeSpan Until(DateTimeOffset due)
    {
        var left = due - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
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

    /// <summary>A report taken after a reconcile, to send with the next heartbeat (its list is null without an engine).</summary>
    private sealed record ContainerReport(IReadOnlyList<ReportedContainer>? Containers);
}
