using FunctionsCloud.Application.Actions;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Resources;
using FunctionsCloud.Storage.Actions;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.Operations;

/// <summary>
/// The activities of a terminate that took its object's operation slot over from an operation in flight
/// (<see cref="OperationSlot"/>, <see cref="PredecessorWait"/>): cancel that operation, ask whether it has ended, and stop
/// it when it did not stop in time. Each is idempotent: run again, it finds what it did.
/// </summary>
public sealed class OperationTakeover(IActionStore actions, ActionJournal journal, TimeProvider clock)
{
    /// <summary>
    /// Cancels the operation taken over and tells its orchestration which terminate waits for it (it tells the terminate
    /// when it has ended); says in both actions what happened. Returns whether it has ended already.
    /// </summary>
    public async Task<bool> CancelAsync(PredecessorQuery query, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        var (ns, predecessor, successor) = (query.Namespace, query.Predecessor, query.Successor);
        var by = (await actions.GetAsync(ns, successor, cancellationToken))?.User ?? "system";
        var before = await actions.GetAsync(ns, predecessor, cancellationToken);
        var after = await actions.UpdateAsync(ns, predecessor, a =>
        {
            if (a.IsFinished || a.State == ActionState.Canceling)
                return; // ended, or canceled already (by someone, or by an earlier delivery of this activity)
            a.RequestCancel(clock.GetUtcNow(), by);
            a.AppendLog(clock.GetUtcNow(), $"Its object is being terminated by {ResourceUris.Action(successor)}.");
        }, cancellationToken);

        var instance = await durable.GetInstanceAsync(query.PredecessorInstanceId, getInputsAndOutputs: false, cancellationToken);
        if (after is { IsFinished: false } && instance is { IsCompleted: false })
        {
            await durable.RaiseEventAsync(query.PredecessorInstanceId, OperationCancellation.TakenOverEvent, query.SuccessorInstanceId, cancellationToken);
            await durable.RaiseEventAsync(query.PredecessorInstanceId, OperationCancellation.EventName, null, cancellationToken);
        }
        else if (after is { IsFinished: false })
            await journal.FinishAsync(ns, predecessor, succeeded: false, "Its orchestration had ended; its object is left to the terminate.");

        await journal.LogStepAsync(ns, successor, ActionSteps.Key(PredecessorWait.Cancel, query), [Said(predecessor, before)]);
        return await HasEndedAsync(query, cancellationToken);
    }

    /// <summary>Whether the operation taken over has ended (or is gone).</summary>
    public async Task<bool> HasEndedAsync(PredecessorQuery query, CancellationToken cancellationToken = default) =>
        await actions.GetAsync(query.Namespace, query.Predecessor, cancellationToken) is not { IsFinished: false };

    /// <summary>
    /// The operation taken over did not stop within the terminate's patience (its orchestration is stuck): it is
    /// terminated and its action ends Failed, so that the terminate never runs beside it.
    /// </summary>
    public async Task StopStuckAsync(PredecessorQuery query, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        if (await durable.GetInstanceAsync(query.PredecessorInstanceId, getInputsAndOutputs: false, cancellationToken) is { IsCompleted: false })
        {
            await durable.TerminateInstanceAsync(query.PredecessorInstanceId, $"Taken over by {ResourceUris.Action(query.Successor)}", cancellationToken);
            await durable.WaitForInstanceCompletionAsync(query.PredecessorInstanceId, cancellationToken);
        }

        var line = $"It did not stop within {PredecessorWait.Patience.TotalMinutes:0} minutes of being canceled: its orchestration was ended and its object left to {ResourceUris.Action(query.Successor)}.";
        await journal.FinishAsync(query.Namespace, query.Predecessor, succeeded: false, line);
        await journal.LogStepAsync(query.Namespace, query.Successor, ActionSteps.Key(PredecessorWait.StopStuck, query),
            [$"{ResourceUris.Action(query.Predecessor)} did not stop within {PredecessorWait.Patience.TotalMinutes:0} minutes: it was ended, and the terminate begins."]);
    }

    /// <summary>What the terminate's action says about the operation it took over, as that was when it began.</summary>
    private static string Said(Guid predecessor, ActionRecord? before)
    {
        var uri = ResourceUris.Action(predecessor);
        return before switch
        {
            null or { IsFinished: true } => $"{uri} had ended; the terminate begins.",
            { State: ActionState.Canceling } => $"{uri} was being canceled already; the terminate begins once it has stopped.",
            _ => $"{uri} was in flight: it is canceled, and the terminate begins once it has stopped.",
        };
    }
}
