using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.States;

namespace FunctionsCloud.Application.ServiceOperations;

/// <summary>Whether a container reached what its step waits for, as far as the agents reported: null while pending, else done or a failure reason.</summary>
public static class GoalCheck
{
    public sealed record Verdict(bool Done, string? Failure);

    private static readonly Verdict Reached = new(true, null);

    public static Verdict? Judge(AwaitedContainer awaited, Container? container, Node? node)
    {
        if (container is null)
            return awaited.Goal == ContainerGoal.Gone ? Reached : new Verdict(false, "the container no longer exists");
        if (IsReached(awaited, container))
            return Reached;
        return awaited.Goal == ContainerGoal.Running ? NotRunning(awaited, container, node) : Unless(node, container);
    }

    /// <summary>Whether the container's row shows its goal reached (the agent reported it so, at the awaited revision).</summary>
    public static bool IsReached(AwaitedContainer awaited, Container container) => awaited.Goal switch
    {
        ContainerGoal.Gone => container.State == ContainerState.Terminated,
        ContainerGoal.Stopped => container.State == ContainerState.Stopped,
        _ => container.State == ContainerState.Running && container.ReportedRevision >= awaited.Revision,
    };

    private static Verdict? NotRunning(AwaitedContainer awaited, Container container, Node? node)
    {
        if (!container.IsLive)
            return new Verdict(false, "it was terminated");
        if (container.State == ContainerState.Stopped && container.ReportedRevision >= awaited.Revision)
            return new Verdict(false, container.ExitCodeMsg ?? $"it exited with code {container.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}");
        return Unless(node, container);
    }

    /// <summary>Still pending, unless its node can no longer report on it.</summary>
    private static Verdict? Unless(Node? node, Container container) =>
        node is null || node.State is NodeState.Unreachable or NodeState.Terminating or NodeState.Terminated
            ? new Verdict(false, $"its node is {(node is null ? "gone" : ApiNames.Of(node.State))} (the container was {ApiNames.Of(container.State)})")
            : null;

    /// <summary>A line of the action's log about a container that did not make it.</summary>
    public static string Describe(Container? container, AwaitedContainer awaited, string reason) =>
        container is null ? $"Container {awaited.Uuid}: {reason}." : $"{container.Name} on node {container.NodeUuid}: {reason}.";
}
