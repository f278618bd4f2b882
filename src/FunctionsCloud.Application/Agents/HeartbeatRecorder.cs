using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Configuration;
using FunctionsCloud.Application.Liveness;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Liveness;
using FunctionsCloud.Domain.Validation;
using FunctionsCloud.Storage.Concurrency;
using FunctionsCloud.Storage.Events;
using FunctionsCloud.Storage.Liveness;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.Agents;

/// <summary>
/// The hottest path. The node secret is checked by its signature; the agent echoes the lease of the last answer,
/// which names the node's rows as they were, so the heartbeat is one transaction in the liveness table and no
/// read. Only when the rows changed since (the monitor judged the node, its generation or secret moved on, the
/// agent restarted) does the heartbeat read them first, once, and bring the node back if it was Unreachable.
/// </summary>
public sealed class HeartbeatRecorder(
    ILivenessStore liveness,
    LivenessRegistry registry,
    NodeLivenessTransitions transitions,
    IEventStore events,
    NodeCredentials credentials,
    InventoryRules rules,
    LivenessPolicy policy,
    IOptions<FunctionsCloudOptions> options,
    TimeProvider clock)
{
    public const int MaxBodyBytes = 4096;

    public async Task<HeartbeatResponse> RecordAsync(NodeIdentity node, HeartbeatRequest heartbeat, CancellationToken cancellationToken)
    {
        if (heartbeat.Inventory is null)
            throw new RequestValidationException("inventory", "is required.");
        rules.Validate(heartbeat.Inventory);
        var now = clock.GetUtcNow();
        if (UsableLease(node, heartbeat.Lease) is { } lease && await TryBeatAsync(node, lease, heartbeat.Inventory, now, cancellationToken) is { } answer)
            return answer;
        return await BeatAfterReadAsync(node, heartbeat.Inventory, now, cancellationToken);
    }

    /// <summary>A lease of another node or of an older secret is no lease: the heartbeat then reads first.</summary>
    private HeartbeatLease? UsableLease(NodeIdentity node, string? text) =>
        credentials.TryReadLease(text, out var lease) && lease.NodeUuid == node.NodeUuid && lease.SecretVersion == node.SecretVersion ? lease : null;

    private async Task<HeartbeatResponse> BeatAfterReadAsync(NodeIdentity node, NodeInventory inventory, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= OptimisticUpdate.MaxAttempts; attempt++)
        {
            var pointer = await liveness.GetAsync(node.Namespace, node.NodeUuid, cancellationToken)
                ?? await registry.RestoreAsync(node, now, cancellationToken);
            if (pointer.SecretVersion != node.SecretVersion)
                throw new AuthenticationFailedException("The node secret was replaced by a newer one (rotated).");
            if (pointer.Unreachable && await transitions.RecoverAsync(node.Namespace, node.NodeUuid, pointer.LastSeen, now, cancellationToken) is { } recovered)
                await events.AddAsync([recovered], cancellationToken);
            if (await TryBeatAsync(node, HeartbeatLease.Of(pointer), inventory, now, cancellationToken, comingBack: pointer.Unreachable) is { } answer)
                return answer;
        }

        throw new ResourceConflictException("The node's liveness kept changing while this heartbeat was recorded; send it again.");
    }

    /// <summary>
    /// One request: the pointer (if still as leased) gets the beat; when the node's due row must move (its deadline
    /// crossed into the next monitor period, or the node comes back) it moves in the same transaction, else the
    /// pointer is all that is written.
    /// </summary>
    private async Task<HeartbeatResponse?> TryBeatAsync(
        NodeIdentity node, HeartbeatLease lease, NodeInventory inventory, DateTimeOffset now, CancellationToken cancellationToken, bool comingBack = false)
    {
        var due = policy.DueAfter(now, unreachable: false);
        var write = new LivenessWrite(node.Namespace, node.NodeUuid, lease.PointerVersion,
            new LivenessPatch { LastSeen = now, Inventory = inventory, Unreachable = false },
            due == lease.DueTicks && !comingBack ? null : new DueMove(lease.DueTicks, "*", due, now, Unreachable: false));
        var version = await liveness.TryWriteAsync(write, cancellationToken);
        return version is null ? null : Answer(lease with { PointerVersion = version, DueTicks = due });
    }

    private HeartbeatResponse Answer(HeartbeatLease lease) =>
        new(options.Value.HeartbeatIntervalSeconds, lease.Generation, credentials.IssueLease(lease));
}
