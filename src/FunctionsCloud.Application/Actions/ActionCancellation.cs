using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.Operations;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Storage.Actions;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.Actions;

/// <summary>
/// POST .../action/&lt;uuid&gt;/cancel/: the action becomes Canceling and its orchestration (the instance named by the
/// action's uuid) is told; it stops at its next safe point and its Complete step settles the object and ends the
/// action Canceled. An orchestration that is gone cannot do that any more: the object is settled here instead.
/// </summary>
public sealed class ActionCancellation(IActionStore actions, IEnumerable<IActionOperations> families, TimeProvider clock)
{
    public async Task<ActionRecord> CancelAsync(Caller caller, Guid uuid, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var requested = false;
        var action = await actions.UpdateAsync(caller.Namespace, uuid, a =>
        {
            requested = false;
            if (a.State == ActionState.Canceling)
                return; // asked already: the operation is on its way out
            if (a.IsFinished || !a.CanBeCanceled)
                throw new ResourceConflictException(Refusal(a));
            a.RequestCancel(clock.GetUtcNow(), caller.User);
            requested = true;
        }, cancellationToken) ?? throw new ResourceNotFoundException("action", uuid.ToString());

        if (requested)
            await TellAsync(action, durable, cancellationToken);
        return await actions.GetAsync(caller.Namespace, uuid, cancellationToken) ?? action;
    }

    private async Task TellAsync(ActionRecord action, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var instanceId = action.Uuid.ToString("D");
        var instance = await durable.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (instance is { IsCompleted: false })
            await durable.RaiseEventAsync(instanceId, OperationCancellation.EventName, null, cancellationToken);
        else if (families.FirstOrDefault(f => f.Tracks(action)) is { } family)
            await family.SettleAsync(action, cancellationToken);
    }

    private static string Refusal(ActionRecord action) => action.IsFinished
        ? $"The action is {ApiNames.Of(action.State)} and cannot be canceled."
        : $"A {action.Action} cannot be canceled: it runs to its end.";
}
