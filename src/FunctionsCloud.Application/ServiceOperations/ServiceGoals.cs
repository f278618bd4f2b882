using FunctionsCloud.Domain.Containers;

namespace FunctionsCloud.Application.ServiceOperations;

/// <summary>What each kind of step waits for the agents to report, given the containers before and after the step.</summary>
public static class ServiceGoals
{
    public static IReadOnlyList<AwaitedContainer> For(
        ServiceOperationInput op, IReadOnlyList<RedeployTarget> redeploys, IReadOnlyList<Container> before, IReadOnlyList<Container> after) => op.Kind switch
    {
        ServiceOperationKind.Start or ServiceOperationKind.Scale or ServiceOperationKind.Reschedule => Converging(after),
        ServiceOperationKind.Stop => after.Where(c => c.IsLive && c.Desired == ContainerDesire.Stopped).Select(c => Goal(c, ContainerGoal.Stopped)).ToList(),
        ServiceOperationKind.Redeploy or ServiceOperationKind.RedeployContainer =>
            redeploys.Select(t => new AwaitedContainer(t.ContainerUuid, ContainerGoal.Running, t.Revision)).ToList(),
        ServiceOperationKind.Terminate => before.Where(c => c.IsLive).Select(c => Goal(c, ContainerGoal.Gone)).ToList(),
        ServiceOperationKind.StartContainer => Only(op, after, ContainerGoal.Running),
        ServiceOperationKind.StopContainer => Only(op, after, ContainerGoal.Stopped),
        ServiceOperationKind.TerminateContainer => Only(op, after, ContainerGoal.Gone),
        _ => [],
    };

    /// <summary>
    /// Every container meant to run is to be Running; every one being removed, gone. (Those being removed are
    /// Terminating, which is not live: what is not Terminated yet is waited on.)
    /// </summary>
    private static List<AwaitedContainer> Converging(IReadOnlyList<Container> after) => after
        .Where(c => c.State != ContainerState.Terminated && c.Desired != ContainerDesire.Stopped)
        .Select(c => Goal(c, c.Desired == ContainerDesire.Removed ? ContainerGoal.Gone : ContainerGoal.Running))
        .ToList();

    private static List<AwaitedContainer> Only(ServiceOperationInput op, IReadOnlyList<Container> after, ContainerGoal goal) =>
        after.Where(c => c.Uuid == op.ContainerUuid).Select(c => Goal(c, goal)).ToList();

    private static AwaitedContainer Goal(Container container, ContainerGoal goal) => new(container.Uuid, goal, container.Revision);
}
