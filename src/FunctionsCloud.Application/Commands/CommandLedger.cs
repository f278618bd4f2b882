using FunctionsCloud.Storage.Commands;

namespace FunctionsCloud.Application.Commands;

/// <summary>
/// At-least-once delivery made safe: a message's key is recorded before its command runs (insert-if-absent), so a
/// second delivery of the key finds the receipt and starts nothing. A delivery owns the receipt for a lease; one that
/// fails releases it, so that the message's retry takes the receipt over (ETag-guarded) and finishes the job.
/// </summary>
public sealed class CommandLedger(ICommandReceiptStore receipts, TimeProvider clock)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public async Task<CommandClaim> ClaimAsync(string ns, string key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var fresh = new CommandReceipt { Namespace = ns, Key = key, LeasedUntil = now + Lease, ReceivedAt = now };
        if (await receipts.TryAddAsync(fresh, cancellationToken) is { } added)
            return new CommandClaim(CommandClaimKind.New, added);

        if (await receipts.GetAsync(ns, key, cancellationToken) is not { } found)
            return await ClaimAsync(ns, key, cancellationToken); // swept away since (older than the retention): claim it anew
        if (found.State != CommandReceiptState.Received)
            return new CommandClaim(CommandClaimKind.Settled, found);
        if (found.LeasedUntil > now)
            return new CommandClaim(CommandClaimKind.InFlight, found);
        return await receipts.TryReplaceAsync(found with { LeasedUntil = now + Lease }, cancellationToken) is { } taken
            ? new CommandClaim(CommandClaimKind.TakenOver, taken)
            : new CommandClaim(CommandClaimKind.InFlight, found);
    }

    /// <summary>Records how the command went. Returns the settled receipt, or null when the lease was lost to another delivery.</summary>
    public Task<CommandReceipt?> SettleAsync(CommandReceipt owned, CommandReply reply, CancellationToken cancellationToken) =>
        receipts.TryReplaceAsync(owned with
        {
            State = reply.State == CommandReply.Accepted ? CommandReceiptState.Accepted : CommandReceiptState.Rejected,
            Object = reply.Object,
            Action = reply.Action,
            Reason = reply.Reason,
        }, cancellationToken);

    /// <summary>Ends the lease at once, so that the message's next delivery need not wait for it.</summary>
    public Task ReleaseAsync(CommandReceipt owned, CancellationToken cancellationToken) =>
        receipts.TryReplaceAsync(owned with { LeasedUntil = clock.GetUtcNow() - TimeSpan.FromSeconds(1) }, cancellationToken);
}
