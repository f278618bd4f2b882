using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Configuration;
using FunctionsCloud.Application.EngineUpgrades;
using FunctionsCloud.Application.Liveness;
using FunctionsCloud.Application.Logs;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Logs;
using FunctionsCloud.Domain.Liveness;
using FunctionsCloud.Domain.Validation;
using FunctionsCloud.Storage.Concurrency;
using FunctionsCloud.Storage.Events;
using FunctionsCloud.Storage.Liveness;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.Agents;

/// <summary>
/// The hottest path. The node secret is checked by its signature; the agent echoes the lease of the last answer,
/// which names the node's rows as they were, so the heartbeat is one transaction in the liveness table and no
/// read. Only when the rows changed since (the monitor judged the node, its generation or secret moved on, the
/// agent restarted) does the heartbeat read them first, once, and bring the node back if it was Unreachable.
/// The container report it carries is applied only when it differs from the last one applied (the lease has its digest).
/// A log credential goes with the answer only when the agent's is missing or half spent (<see cref="LogCredentialIssuer"/>).
/// An engine upgrade ordered in the pointer goes with every answer while it holds (the lease carries it), and the
/// agent's report of it is handed to the upgrade (<see cref="EngineUpgradeReports"/>).
/// </summary>
public sealed class HeartbeatRecorder(
    ILivenessStore liveness,
    LivenessRegistry registry,
    NodeLivenessTransitions transitions,
    IEventStore events,
    NodeCredentials credentials,
    InventoryRules rules,
    ContainerReportRecorder reports,
    LogCredentialIssuer logCredentials,
    LivenessPolicy policy,
    IOptions<FunctionsCloudOptions> options,
    TimeProvider clock)
{
    /// <summary>Room for a report of <see cref="ContainerReportRules.MaxContainers"/> containers.</summary>
    public const int MaxBodyBytes = 512 * 1024;
    public const int MaxLeaseLength = 1024;

    /// <param name="durable">Wakes the operations waiting on containers whose state the report changed (none: nobody is woken).</param>
    public async Task<HeartbeatResponse> RecordAsync(NodeIdentity node, HeartbeatRequest heartbeat, CancellationToken cancellationToken, DurableTaskClient? durable = null)
    {
        Validate(heartbeat);
        var now = clock.GetUtcNow();
        var leased = UsableLease(node, heartbeat.Lease);
        var beaten = (leased is null ? null : await TryBeatAsync(node, leased, heartbeat.Inventory, now, cancellationToken))
            ?? await BeatAfterReadAsync(node, heartbeat.Inventory, leased?.ContainersDigest, now, cancellationToken);
        // Only after the beat: it is what proves the secret is still the node's newest.
        var lease = await reports.RecordAsync(node, heartbeat.Containers, beaten, cancellationToken, durable);
        await EngineUpgradeReports.ForwardAsync(heartbeat.EngineUpgrade, lease.EngineUpgrade, durable, cancellationToken);
        return Answer(lease) with { Logs = await logCredentials.RenewAsync(node.NodeUuid, heartbeat.LogsExpires, cancellationToken) };
    }

    /// <summary>Everything is checked before anything is written.</summary>
    private void Validate(HeartbeatRequest heartbeat)
    {
        if (heartbeat.Inventory is null)
            throw new RequestValidationException("inventory", "is required.");
        rules.Validate(heartbeat.Inventory);
        if (heartbeat.Lease is { Length: > MaxLeaseLength })
            throw new RequestValidationException("lease", $"must be at most {MaxLeaseLength} characters: echo the lease of the last answer unchanged.");
        ContainerReportRules.Validate(heartbeat.Containers);
        EngineUpgradeReports.Validate(heartbeat.EngineUpgrade);
        if (heartbeat.LogsExpires is < 0 or > LogCredential.MaxExpires)
            throw new RequestValidationException("logs_expires", $"must be epoch seconds from 0 to {LogCredential.MaxExpires}: echo the expires of the log credential held, unchanged.");
    }

    /// <summary>A lease of another node or of an older secret is no lease: the heartbeat then reads first.</summary>
    private HeartbeatLease? UsableLease(NodeIdentity node, string? text) =>
        credentials.TryReadLease(text, out var lease) && lease.NodeUuid == node.NodeUuid && lease.SecretVersion == node.SecretVersion ? lease : null;

    /// <param name="containersDigest">The digest of the last report applied, as the (otherwise stale) lease knew it.</param>
    private async Task<HeartbeatLease> BeatAfterReadAsync(
        NodeIdentity node, NodeInventory inventory, string? containersDigest, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= OptimisticUpdate.MaxAttempts; attempt++)
        {
            var pointer = await liveness.GetAsync(node.Namespace, node.NodeUuid, cancellationToken)
                ?? await registry.RestoreAsync(node, now, cancellationToken);
            CurrentSecret.Require(node, pointer);
            if (pointer.Unreachable && await transitions.RecoverAsync(node.Namespace, node.NodeUuid, pointer.LastSeen, now, cancellationToken) is { } recovered)
                await events.AddAsync([recovered], cancellationToken);
            var lease = HeartbeatLease.Of(pointer) with { ContainersDigest = containersDigest };
            if (await TryBeatAsync(node, lease, inventory, now, cancellationToken, comingBack: pointer.Unreachable) is { } beaten)
                return beaten;
        }

        throw new ResourceConflictException("The node's liveness kept changing while this heartbeat was recorded; send it again.");
    }

    /// <summary>
    /// One request: the pointer (if still as leased) gets the beat; when the node's due row must move (its deadline
    /// crossed into the next monitor period, or the node comes back) it moves in the same transaction, else the
    /// pointer is all that is written. Returns the lease as it is after the write, or null when the pointer was not as leased.
    /// </summary>
    private async Task<HeartbeatLease?> TryBeatAsync(
        NodeIdentity node, HeartbeatLease lease, NodeInventory inventory, DateTimeOffset now, CancellationToken cancellationToken, bool comingBack = false)
    {
        var due = policy.DueAfter(node.NodeUuid, now, unreachable: false);
        var write = new LivenessWrite(node.Namespace, node.NodeUuid, lease.PointerVersion,
            new LivenessPatch { LastSeen = now, Inventory = inventory, Unreachable = false },
            due == lease.DueTicks && !comingBack ? null : new DueMove(lease.DueTicks, "*", due, now, Unreachable: false));
        var version = await liveness.TryWriteAsync(write, cancellationToken);
        return version is null ? null : lease with { PointerVersion = version, DueTicks = due };
    }

    private HeartbeatResponse Answer(HeartbeatLease lease) =>
        new(options.Value.HeartbeatIntervalSeconds, lease.Generation, credentials.IssueLease(lease),
            EngineUpgrade: lease.EngineUpgrade is { } upgrade ? new EngineUpgradeOrder(upgrade) : null);
}
