using FunctionsCloud.Domain.Actions;

namespace FunctionsCloud.Application.Operations;

/// <summary>
/// What a new operation is, as its object's operation slot judges the operation in flight (<see cref="OperationSlot"/>).
/// </summary>
/// <param name="ActionName">The new action's name (e.g. "Container Terminate").</param>
/// <param name="ObjectUri">The object the new action is on (a cluster, node, service or container).</param>
/// <param name="JoinsSame">
/// Whether the same operation already in flight on the same object answers this request (a DELETE sent again, a scale
/// POST right after the PATCH whose scale is in flight): the request gets that action instead of a 409.
/// </param>
/// <param name="Supersedes">
/// For a terminate, the user operations in flight it cancels and takes over (see <see cref="OperationSupersession"/>);
/// null for an operation that takes over nothing.
/// </param>
public sealed record OperationClaim(string ActionName, string ObjectUri, bool JoinsSame, Func<ActionRecord, bool>? Supersedes = null)
{
    /// <summary>The same operation on the same object, still in flight and not being canceled: a request for it is answered with it.</summary>
    public bool IsAnsweredBy(ActionRecord held) =>
        JoinsSame && held.IsUserAction && !held.IsFinished && held.State != ActionState.Canceling
        && held.Action == ActionName && held.Object == ObjectUri;

    /// <summary>
    /// Whether this operation takes the slot over from <paramref name="held"/>: an action that ended without giving the
    /// slot back, or a user operation this one supersedes that can be canceled (or is being already).
    /// </summary>
    public bool TakesOver(ActionRecord held) =>
        Supersedes is { } supersedes
        && (held.IsFinished || (supersedes(held) && held.IsUserAction && (held.CanBeCanceled || held.State == ActionState.Canceling)));
}
