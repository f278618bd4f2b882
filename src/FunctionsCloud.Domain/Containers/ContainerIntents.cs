namespace FunctionsCloud.Domain.Containers;

/// <summary>
/// What operations ask of one container: each sets its Desired state and the state users see while the node's
/// agent works on it. Each says whether it changed anything, so a retried step writes nothing twice.
/// </summary>
public static class ContainerIntents
{
    public static bool Start(Container container)
    {
        if (!container.IsLive || (container.Desired == ContainerDesire.Running && container.State is ContainerState.Running or ContainerState.Starting))
            return false;
        container.Desired = ContainerDesire.Running;
        if (container.State is not (ContainerState.Running or ContainerState.Starting))
            container.MoveTo(ContainerState.Starting);
        container.ExitCodeMsg = null;
        container.Intent++;
        return true;
    }

    public static bool Stop(Container container)
    {
        if (!container.IsLive || (container.Desired == ContainerDesire.Stopped && container.State is ContainerState.Stopped or ContainerState.Stopping))
            return false;
        container.Desired = ContainerDesire.Stopped;
        if (container.State is ContainerState.Running or ContainerState.Starting)
            container.MoveTo(ContainerState.Stopping);
        container.Intent++;
        return true;
    }

    /// <summary>
    /// Takes the container off its node. When the node cannot confirm it (lost or gone), the container is Terminated
    /// at once; a node that comes back removes its stale copy, since it is no longer among its desired containers.
    /// </summary>
    public static bool Remove(Container container, bool nodeCanConfirm, DateTimeOffset now)
    {
        if (container.State == ContainerState.Terminated || (container.State == ContainerState.Terminating && nodeCanConfirm))
            return false;
        container.Desired = ContainerDesire.Removed;
        if (container.State != ContainerState.Terminating)
            container.MoveTo(ContainerState.Terminating);
        if (!nodeCanConfirm)
        {
            container.MoveTo(ContainerState.Terminated);
            container.DestroyedDatetime = now;
        }

        container.Intent++;
        return true;
    }

    /// <summary>
    /// Replaces the container with a new one of the given revision and spec (the agent recreates it), with its named
    /// volumes kept, or new empty ones when <paramref name="freshVolumes"/>.
    /// </summary>
    public static bool Redeploy(Container container, int revision, ContainerSpec spec, bool freshVolumes = false)
    {
        if (!container.IsLive || container.Revision >= revision)
            return false;
        container.Revision = revision;
        container.Spec = spec;
        if (freshVolumes)
            container.VolumeSet++;
        container.Desired = ContainerDesire.Running;
        container.ExitCode = null;
        container.ExitCodeMsg = null;
        if (container.State != ContainerState.Starting)
            container.MoveTo(ContainerState.Starting);
        container.Intent++;
        return true;
    }
}
