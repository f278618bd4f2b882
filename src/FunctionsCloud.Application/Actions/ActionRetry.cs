using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Resources;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Storage.Actions;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.Actions;

/// <summary>
/// POST .../action/&lt;uuid&gt;/retry/: runs a Failed or Canceled operation again as a new action (same operation, same
/// object; the retry request's method and the caller as its user), through the operation's own starter, so a busy
/// object answers 409. An action is retried once: the new one is retried if it fails in turn.
/// </summary>
public sealed class ActionRetry(IActionStore actions, IEnumerable<IActionOperations> families, ActionJournal journal)
{
    public async Task<ActionRecord> RetryAsync(Caller caller, RequestInfo request, Guid uuid, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var old = await actions.GetAsync(caller.Namespace, uuid, cancellationToken) ?? throw new ResourceNotFoundException("action", uuid.ToString());
        var family = families.FirstOrDefault(f => f.Tracks(old));
        var refusal = StateRefusal(old) ?? RetryableActions.Refusal(old)
            ?? (family is null ? $"a {old.Action} cannot be retried." : await family.RetryRefusalAsync(old, cancellationToken));
        if (refusal is not null)
            throw new ResourceConflictException($"The action cannot be retried: {refusal}");

        await ClaimAsync(old, cancellationToken);
        ActionRecord retry;
        try
        {
            retry = await family!.RetryAsync(old, caller, request, durable, cancellationToken);
        }
        catch
        {
            await actions.UpdateAsync(old.Namespace, old.Uuid, a => a.CanBeRetried = true, CancellationToken.None);
            throw;
        }

        await journal.LogAsync(old.Namespace, old.Uuid, $"Retried as {ResourceUris.Action(retry.Uuid)} by {caller.User}.");
        await journal.LogAsync(retry.Namespace, retry.Uuid, $"Retry of {ResourceUris.Action(old.Uuid)}.");
        return retry;
    }

    /// <summary>Takes the old action's one retry, so that two retries sent at once start one operation.</summary>
    private Task ClaimAsync(ActionRecord old, CancellationToken cancellationToken) =>
        actions.UpdateAsync(old.Namespace, old.Uuid, a =>
        {
            if (!a.CanBeRetried)
                throw new ResourceConflictException("The action cannot be retried: it was retried already (see its logs).");
            a.CanBeRetried = false;
        }, cancellationToken);

    private static string? StateRefusal(ActionRecord action) => action.State switch
    {
        ActionState.Failed or ActionState.Canceled => null,
        ActionState.Success => "it succeeded.",
        _ => $"it is {ApiNames.Of(action.State)}; only a Failed or Canceled action can be retried.",
    };
}
