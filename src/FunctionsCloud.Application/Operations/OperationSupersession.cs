using FunctionsCloud.Domain.Actions;

namespace FunctionsCloud.Application.Operations;

/// <summary>
/// Which operations in flight a terminate supersedes: those whose work the terminate makes moot (a start, stop,
/// redeploy, scale or deploy of the object's whole, and the terminated object's own operations). Never another
/// terminate (a second terminate of another container or node waits its turn: 409) and never a system operation
/// (a Reschedule is healing that cannot be retried).
/// </summary>
public static class OperationSupersession
{
    /// <summary>Superseded when in flight on the object as a whole, or on the terminated object itself.</summary>
    public static Func<ActionRecord, bool> Of(IReadOnlySet<string> wholeObjectActions, string terminated, IReadOnlySet<string> ownActions) =>
        held => wholeObjectActions.Contains(held.Action) || (held.Object == terminated && ownActions.Contains(held.Action));
}
