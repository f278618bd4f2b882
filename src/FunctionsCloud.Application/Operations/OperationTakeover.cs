using FunctionsCloud.Application.Actions;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Resources;
using FunctionsCloud.Storage.Actions;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.Operations;

/// <summary>
/// A terminate asked for while another operation is in flight on its object (a DELETE, which users expect to win)
/// takes the object's operation slot over at once, so that what follows gets 409 naming the terminate, and cancels
/// that operation: it stops at its next safe point and leaves its object to the terminate, whose orchestration begins
/// once it has ended (<see cref="PredecessorWait"/>). A terminate in flight is not taken over: it runs to its end.
/// </summary>
public sealed class OperationTakeover(IActionStore actions, ActionJournal journal, TimeProvider clock)
{
    /// <summary>The action in flight when a terminate may take it over (it can be canceled, or is being already); else null.</summary>
    public async Task<Guid?> TakeableAsync(string @namespace, Guid? inFlight, CancellationToken cancellationToken) =>
        inFlight is { } uuid && await actions.GetAsync(@namespace, uuid, cancellationToken) is { } action
            && (action.CanBeCanceled || action.State == ActionState.Canceling || action.IsFinished)
            ? uuid
            : null;

    /// <summary>Cancels the operation the terminate <paramref name="successor"/> took over, and says so in both actions.</summary>
    public async Task CancelAsync(Caller caller, Guid predecessor, Guid successor, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var requested = false;
        await actions.UpdateAsync(caller.Namespace, predecessor, a =>
        {
            requested = !a.IsFinished && a.State != ActionState.Canceling;
            if (!requested)
                return;
            a.RequestCancel(clock.GetUtcNow(), caller.User);
            a.AppendLog(clock.GetUtcNow(), $"Its object is being terminated by {ResourceUris.Action(successor)}.");
        }, cancellationToken);
        await journal.LogAsync(caller.Namespace, successor,
            $"{ResourceUris.Action(predecessor)} was in flight: it is canceled, and the terminate begins once it has stopped.");
        if (!requested)
            return;

        var instanceId = predecessor.ToString("D");
        if (await durable.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is { IsCompleted: false })
            await durable.RaiseEventAsync(instanceId, OperationCancellation.EventName, null, cancellationToken);
        else
            await journal.FinishAsync(caller.Namespace, predecessor, succeeded: false, "Its orchestration had ended; its object is left to the terminate.");
    }

    /// <summary>The activity the waiting terminate asks: whether the operation it took over has ended (or is gone).</summary>
    public async Task<bool> HasEndedAsync(PredecessorQuery query, CancellationToken cancellationToken = default) =>
        await actions.GetAsync(query.Namespace, query.ActionUuid, cancellationToken) is not { IsFinished: false };
}
