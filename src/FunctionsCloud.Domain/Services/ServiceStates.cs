using FunctionsCloud.Domain.States;
using static FunctionsCloud.Domain.Services.ServiceState;

namespace FunctionsCloud.Domain.Services;

/// <summary>
/// Docker Cloud's service life cycle. Every operation moves the service into its busy state (Starting, Scaling,
/// Redeploying, Stopping, Terminating) and settles it when done; container operations and healing pass through
/// Scaling or Redeploying.
/// </summary>
public static class ServiceStates
{
    private static readonly ServiceState[] Busy = [Starting, Scaling, Redeploying, Stopping, Terminating];

    public static readonly StateMachine<ServiceState> Machine = new(new Dictionary<ServiceState, ServiceState[]>
    {
        [NotRunning] = [Starting, Terminating, Terminated],
        [Starting] = [Running, PartlyRunning, NotRunning, Stopped, Terminating],
        [Running] = [Scaling, Redeploying, Stopping, Starting, Terminating],
        [PartlyRunning] = [Scaling, Redeploying, Stopping, Starting, Terminating],
        [Scaling] = [Running, PartlyRunning, NotRunning, Stopped, Terminating],
        [Redeploying] = [Running, PartlyRunning, NotRunning, Stopped, Terminating],
        [Stopping] = [Stopped, PartlyRunning, Running, Terminating],
        [Stopped] = [Starting, Scaling, Redeploying, Terminating],
        [Terminating] = [Terminated],
        [Terminated] = [],
    });

    public static bool IsBusy(ServiceState state) => Busy.Contains(state);

    public static bool IsLive(ServiceState state) => state is not (Terminating or Terminated);

    /// <summary>
    /// The state users see between operations: a service settled as running follows its containers as the agents
    /// report them (one that exits makes it Partly running); busy, stopped and terminated services, and any with an
    /// operation in flight, show their own.
    /// </summary>
    public static ServiceState AsSeen(ServiceState stored, bool busy, int target, int running) =>
        !busy && stored is Running or PartlyRunning or NotRunning && target > 0 ? Settled(target, running, stoppedOnPurpose: false) : stored;

    /// <summary>
    /// Where a service settles once an operation did what it could: all wanted containers Running gives Running,
    /// some gives Partly running; none running gives Stopped when it was stopped on purpose, else Not running.
    /// </summary>
    public static ServiceState Settled(int target, int running, bool stoppedOnPurpose) =>
        stoppedOnPurpose ? (running == 0 ? Stopped : PartlyRunning)
        : running == 0 ? (target == 0 ? Running : NotRunning)
        : running >= target ? Running
        : PartlyRunning;
}
