using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Services;
using static FunctionsCloud.Domain.Containers.ContainerState;

namespace FunctionsCloud.Domain.Containers;

/// <summary>
/// How the report of a node's agent changes one of the node's container rows. The report is what the engine
/// sees; the row's state follows it only where the state machine lets the engine speak: users' Stopping and
/// Terminating are not undone by a container that still runs, and a report of an older revision (the copy being
/// replaced) or of an older intent (from before the agent carried out the latest operation) moves nothing.
/// </summary>
public static class ContainerReports
{
    /// <param name="report">The row's container in the report, or null when the report does not have it.</param>
    public static ContainerReportChange Decide(Container row, ReportedContainer? report, DateTimeOffset now)
    {
        if (report is null)
            return Absent(row, now);
        var stale = report.Revision < row.Revision || report.Intent < row.Intent;
        var moved = stale ? ContainerReportChange.None : Moved(row, report, now);
        var observed = ContainerObservation.Of(report);
        return observed.IsRecordedIn(row) ? moved : moved with { Observed = observed };
    }

    /// <summary>A container being removed that the node no longer has is gone; any other row waits for the agent to act.</summary>
    private static ContainerReportChange Absent(Container row, DateTimeOffset now) =>
        row is { State: Terminating, Desired: ContainerDesire.Removed }
            ? new ContainerReportChange { State = Terminated, DestroyedDatetime = now }
            : ContainerReportChange.None;

    private static ContainerReportChange Moved(Container row, ReportedContainer report, DateTimeOffset now) => report.State switch
    {
        ReportedStates.Running when row.State is Starting or ContainerState.Stopped =>
            new ContainerReportChange { State = Running, StartedDatetime = now },
        ReportedStates.Stopped when row.State is Stopping =>
            new ContainerReportChange { State = ContainerState.Stopped, Exit = report.ExitCode is { } code ? new ContainerExit(code, report.Message, now) : null },
        ReportedStates.Stopped when report.ExitCode is { } code && row.State is Starting or Running =>
            Exited(row, new ContainerExit(code, report.Message, now)),
        ReportedStates.Failed when row.State is Starting or Running =>
            new ContainerReportChange { State = ContainerState.Stopped, Desired = StopWanted(row), Exit = new ContainerExit(null, report.Message, now) },
        _ => ContainerReportChange.None,
    };

    /// <summary>Autorestart is weighed before autodestroy (as Docker Cloud did): a container its engine restarts is not destroyed.</summary>
    private static ContainerReportChange Exited(Container row, ContainerExit exit)
    {
        var code = exit.ExitCode!.Value;
        if (row.Spec.Autorestart.Restarts(code))
            return new ContainerReportChange { State = ContainerState.Stopped, Exit = exit };
        if (row.Spec.Autodestroy.Destroys(code))
            return new ContainerReportChange { State = Terminating, Desired = ContainerDesire.Removed, Exit = exit, Autodestroyed = true };
        return new ContainerReportChange { State = ContainerState.Stopped, Desired = StopWanted(row), Exit = exit };
    }

    /// <summary>The agent must not start again what exited for good; a container already to be stopped or removed keeps that.</summary>
    private static ContainerDesire? StopWanted(Container row) => row.Desired == ContainerDesire.Running ? ContainerDesire.Stopped : null;
}
