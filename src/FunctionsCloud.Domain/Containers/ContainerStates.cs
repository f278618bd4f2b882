using FunctionsCloud.Domain.States;
using static FunctionsCloud.Domain.Containers.ContainerState;

namespace FunctionsCloud.Domain.Containers;

/// <summary>
/// Docker Cloud's container life cycle. Running and Stopped also follow what the node's agent reports: a container
/// that exits is Stopped, one its engine restarts (autorestart) is Running again.
/// </summary>
public static class ContainerStates
{
    public static readonly StateMachine<ContainerState> Machine = new(new Dictionary<ContainerState, ContainerState[]>
    {
        [Starting] = [Running, Stopped, Stopping, Terminating, Terminated],
        [Running] = [Stopping, Stopped, Starting, Terminating],
        [Stopping] = [Stopped, Running, Starting, Terminating],
        [Stopped] = [Starting, Running, Terminating],
        [Terminating] = [Terminated],
        [Terminated] = [],
    });

    public static bool IsLive(ContainerState state) => state is not (Terminating or Terminated);
}
