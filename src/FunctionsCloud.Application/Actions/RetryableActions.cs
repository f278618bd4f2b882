using System.Collections.Frozen;
using FunctionsCloud.Application.Healing;
using FunctionsCloud.Application.Operations;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Domain.Actions;

namespace FunctionsCloud.Application.Actions;

/// <summary>
/// Which operations make sense to run again once they failed or were canceled: every user operation on a node
/// cluster, a node (an engine upgrade included), a service or a container. The system's own operations (healing) are not: the system runs
/// them again by itself when the node they were about changes again.
/// </summary>
public static class RetryableActions
{
    private static readonly FrozenSet<string> Names = Enum.GetValues<ClusterOperationKind>().Select(ClusterOperationNames.ActionName)
        .Concat(Enum.GetValues<ServiceOperationKind>().Where(k => k != ServiceOperationKind.Reschedule).Select(ServiceOperationNames.ActionName))
        .Append(Domain.Nodes.EngineUpgrade.ActionName)
        .ToFrozenSet();

    /// <summary>Null when an action of this kind can be retried, else why not.</summary>
    public static string? Refusal(ActionRecord action) =>
        action.User == SystemOperations.User || !Names.Contains(action.Action)
            ? $"a {action.Action} started by the system is not retried by hand: the system runs its operations again itself."
            : null;
}
