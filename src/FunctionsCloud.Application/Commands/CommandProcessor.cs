using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.Configuration;
using FunctionsCloud.Domain.Accounts;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Resources;
using FunctionsCloud.Domain.States;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.Commands;

/// <summary>
/// Handles one delivery of a command message. The message carries the credential an HTTP call would
/// (<c>authorization</c>: Basic user:apikey), so it can do exactly what that user could over HTTP, in that user's
/// namespace, and nothing more. A command that cannot succeed is rejected once (a Failed action when the namespace is
/// known, a reply when asked) and the delivery ends normally; a transient failure throws, so the host retries it and
/// finally moves it to the poison queue. The credential is never logged or echoed.
/// </summary>
public sealed class CommandProcessor(
    ApiKeyAuthenticator authenticator,
    CommandLedger ledger,
    CommandTargets targets,
    CommandExecutor executor,
    StartedCommandActions started,
    RejectedCommandActions rejected,
    CommandReplies replies,
    CompletionReplies completions,
    IOptions<FunctionsCloudOptions> options,
    ILogger<CommandProcessor> logger)
{
    /// <summary>The method of the actions commands start, where an HTTP call records GET, POST...</summary>
    public const string Method = "QUEUE";

    public async Task ProcessAsync(CommandDelivery delivery, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var body = delivery.Body.ToArray();
        var envelope = CommandEnvelope.Read(body);
        var key = envelope.Id is { } id && CommandParser.IsIdempotencyKey(id) ? id : delivery.MessageId;
        var replyTo = envelope.ReplyTo is { } named && ReplyQueueNames.Problem(named, delivery.Queue) is null ? named : null;
        Caller caller;
        try
        {
            caller = await authenticator.AuthenticateAsync(envelope.Authorization, cancellationToken);
        }
        catch (AuthenticationFailedException e)
        {
            logger.LogWarning("Command {Key} of queue {Queue} rejected: {Reason}", key, delivery.Queue, e.Message);
            await replies.SendAsync(replyTo, new CommandReply(key, CommandReply.Rejected, null, null, e.Message), cancellationToken);
            return;
        }

        var claim = await ledger.ClaimAsync(caller.Namespace, key, cancellationToken);
        if (!claim.Owned)
        {
            await AnswerDuplicateAsync(claim, replyTo, cancellationToken);
            return;
        }

        try
        {
            var info = new RequestInfo(Method, $"queue://{delivery.Queue}/{key}", "");
            var (reply, started) = await RunAsync(caller, info, body, delivery.Queue, key, claim, durable, cancellationToken);
            await ledger.SettleAsync(claim.Receipt, reply, cancellationToken);
            await replies.SendAsync(replyTo, reply, cancellationToken);
            if (replyTo is not null && started is { } action)
                await completions.RequestAsync(caller.Namespace, action.Uuid, replyTo, key, cancellationToken);
        }
        catch (Exception e) when (CommandRefusals.ReasonFor(e) is null)
        {
            await TryReleaseAsync(claim, key);
            throw;
        }
    }

    /// <returns>The reply, and the action the command started (null when it was rejected or started none).</returns>
    private async Task<(CommandReply Reply, ActionRecord? Started)> RunAsync(
        Caller caller, RequestInfo info, byte[] body, string queue, string key, CommandClaim claim, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        Command? command = null;
        string? objectUri = null;
        try
        {
            if (caller.Role < Role.Operator)
                throw new CommandRejectedException($"A command needs the {ApiNames.Of(Role.Operator)} role; this key has the {ApiNames.Of(caller.Role)} role.");
            command = new CommandParser(options.Value.MaxCommandBytes, queue).Parse(body);
            if (command.Namespace is { } ns && ns != caller.Namespace)
                throw new CommandRejectedException($"The message is for namespace '{ns}', but its key acts in another; a key acts in its own namespace only.");
            var uuid = await targets.ResolveAsync(caller, command, cancellationToken);
            objectUri = CommandExecutor.ObjectOf(command, uuid);
            if (claim.Kind == CommandClaimKind.TakenOver && await started.FindAsync(caller.Namespace, objectUri, info.Path, cancellationToken) is { } earlier)
                return (Accepted(key, objectUri, earlier), earlier);
            var outcome = await executor.RunAsync(caller, info, command, uuid, durable, cancellationToken);
            logger.LogInformation("Command {Key} of namespace {Namespace} accepted: {Operation} of {Target}.", key, caller.Namespace, command.Operation, command.TargetText);
            return (Accepted(key, outcome.Object, outcome.Action), outcome.Action);
        }
        catch (Exception e) when (CommandRefusals.ReasonFor(e) is { } reason)
        {
            var action = await rejected.RecordAsync(caller, info, command, objectUri, reason, cancellationToken);
            logger.LogWarning("Command {Key} of namespace {Namespace} rejected: {Reason}", key, caller.Namespace, reason);
            return (new CommandReply(key, CommandReply.Rejected, objectUri, ResourceUris.Action(action.Uuid), reason), null);
        }
    }

    private static CommandReply Accepted(string key, string objectUri, ActionRecord? action) =>
        new(key, CommandReply.Accepted, objectUri, action is null ? null : ResourceUris.Action(action.Uuid), null);

    private async Task AnswerDuplicateAsync(CommandClaim claim, string? replyTo, CancellationToken cancellationToken)
    {
        logger.LogInformation("Command {Key} of namespace {Namespace} was delivered again ({Claim}); nothing more is started.",
            claim.Receipt.Key, claim.Receipt.Namespace, claim.Kind);
        if (claim.Kind == CommandClaimKind.Settled)
            await replies.RepeatAsync(replyTo, claim.Receipt, cancellationToken);
    }

    /// <summary>Best effort: when storage itself is failing the lease simply runs out.</summary>
    private async Task TryReleaseAsync(CommandClaim claim, string key)
    {
        try
        {
            await ledger.ReleaseAsync(claim.Receipt, CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning("Could not release the receipt of command {Key}: {Error}", key, e.Message);
        }
    }
}
