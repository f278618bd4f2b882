using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Storage.Actions;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.Operations;

/// <summary>
/// Starting an operation on an object (a cluster, a service, a node of one's own) through the object's operation slot:
/// one operation per object at a time. The slot is taken with an ETag-guarded write that also prepares the object (two
/// requests cannot both win), then the action is recorded and the orchestration scheduled (<see cref="OperationLauncher"/>);
/// when that fails, the slot and what was prepared are given back. A request that finds the slot held gets, by what it
/// is (<see cref="OperationClaim"/>): the action in flight when that is the same operation; the slot, when it is a
/// terminate that supersedes the operation in flight (whose orchestration cancels it first: <see cref="PredecessorWait"/>);
/// else a 409 naming the action in flight, and nothing changes.
/// </summary>
public sealed class OperationSlot(IActionStore actions, OperationLauncher launcher)
{
    /// <param name="start">The new operation: its claim, the action to record, and the orchestration input given the operation it takes over.</param>
    public async Task<(T Resource, ActionRecord Action)> StartAsync<T>(
        SlotOf<T> slot, Guid resourceUuid, SlotStart<T> start, Caller caller, DurableTaskClient durable, CancellationToken cancellationToken)
        where T : class
    {
        var current = await slot.Store.GetAsync(caller.Namespace, resourceUuid, cancellationToken) ?? throw slot.NotFound(resourceUuid);
        Guid? takeable = null;
        if (slot.HolderOf(current) is { } holder && await actions.GetAsync(caller.Namespace, holder, cancellationToken) is { } held)
        {
            if (start.Claim.IsAnsweredBy(held))
                return (current, held);
            takeable = start.Claim.TakesOver(held) ? holder : null;
        }

        Guid? predecessor = null;
        Action<T>? restore = null;
        var taken = await slot.Store.UpdateAsync(caller.Namespace, resourceUuid, r =>
        {
            if (slot.HolderOf(r) is { } busy && busy != takeable)
                throw new OperationInProgressException(busy);
            predecessor = slot.HolderOf(r);
            restore = slot.Snapshot(r);
            start.Prepare(r);
            slot.Hold(r, start.Action.Uuid);
            return true;
        }, cancellationToken) ?? throw slot.NotFound(resourceUuid);

        start.Action.Predecessor = predecessor;
        await launcher.LaunchAsync(start.Action, start.Orchestrator, start.Input(predecessor), durable,
            () => ReleaseAsync(slot, caller.Namespace, resourceUuid, start.Action.Uuid, predecessor, restore!), cancellationToken);
        return (taken, start.Action);
    }

    /// <summary>Gives the slot back (to the operation it was taken over from, if any) when the operation could not be started at all.</summary>
    private static Task ReleaseAsync<T>(SlotOf<T> slot, string ns, Guid resourceUuid, Guid actionUuid, Guid? predecessor, Action<T> restore)
        where T : class =>
        slot.Store.UpdateAsync(ns, resourceUuid, r =>
        {
            if (slot.HolderOf(r) != actionUuid)
                return false;
            slot.Hold(r, predecessor);
            restore(r);
            return true;
        }, CancellationToken.None);
}
