using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Services;
using static FunctionsCloud.Domain.Containers.ContainerState;

namespace FunctionsCloud.Domain.Tests.Containers;

public class ContainerReportsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_report_records_what_the_engine_says_of_the_container()
    {
        var row = Row(Running, revision: 2);
        var ports = new[] { new BoundPort("tcp", 80, 32768) };

        var change = Apply(row, Report(ReportedStates.Running, revision: 1) with { DockerId = "abc123", PrivateIp = "172.17.0.2", Ports = ports });

        Assert.NotNull(change.Observed);
        Assert.Equal(("abc123", "172.17.0.2", 1, Running), (row.DockerId, row.PrivateIp, row.ReportedRevision, row.State));
        Assert.Equal(ports, row.Ports);
    }

    [Fact]
    public void A_report_the_row_holds_already_changes_nothing()
    {
        var row = Row(Running);
        var report = Report(ReportedStates.Running) with { DockerId = "abc123", Ports = [new BoundPort("tcp", 80, 32768)] };
        Apply(row, report);

        var again = ContainerReports.Decide(row, report with { Ports = [new BoundPort("tcp", 80, 32768)] }, Now);

        Assert.True(again.IsNone);
    }

    [Fact]
    public void Image_variables_are_kept_for_their_docker_id_and_forgotten_with_it()
    {
        var row = Row(Running);
        var report = Report(ReportedStates.Running) with { DockerId = "abc123", ImageEnv = [new EnvironmentVariable("PATH", "/bin")] };

        Apply(row, report);
        var sentOnce = ContainerReports.Decide(row, report with { ImageEnv = null }, Now);
        Apply(row, report with { DockerId = "def456", ImageEnv = null });

        Assert.True(sentOnce.IsNone);
        Assert.Empty(row.ImageEnvironment);
        Apply(row, report with { DockerId = "def456" });
        Assert.Equal([new EnvironmentVariable("PATH", "/bin", EnvironmentOrigin.Image)], row.ImageEnvironment);
    }

    [Theory]
    [InlineData(ReportedStates.Running, null)]
    [InlineData(ReportedStates.Stopped, 1)]
    [InlineData(ReportedStates.Failed, null)]
    public void A_report_of_an_older_revision_moves_no_state(string state, int? exitCode)
    {
        var row = Row(Starting, revision: 3);

        var change = Apply(row, Report(state, revision: 2) with { ExitCode = exitCode, Message = "old" });

        Assert.Equal((Starting, ContainerDesire.Running, (int?)null, (string?)null), (row.State, row.Desired, row.ExitCode, row.ExitCodeMsg));
        Assert.Null(change.State);
        Assert.Equal(2, row.ReportedRevision);
    }

    [Fact]
    public void A_report_from_before_the_agent_carried_out_a_start_does_not_undo_it()
    {
        var row = Row(Stopped, revision: 1);
        row.ExitCode = 0;
        ContainerIntents.Start(row);

        var stale = Apply(row, Report(ReportedStates.Stopped, revision: 1) with { ExitCode = 0, Intent = row.Intent - 1 });
        Assert.Null(stale.State);
        Assert.Equal((Starting, ContainerDesire.Running), (row.State, row.Desired));

        Apply(row, Report(ReportedStates.Running, revision: 1) with { Intent = row.Intent });
        Assert.Equal(Running, row.State);
    }

    [Theory]
    [InlineData(Starting)]
    [InlineData(Stopped)]
    public void Running_starts_a_starting_or_stopped_container(ContainerState from)
    {
        var row = Row(from);

        Apply(row, Report(ReportedStates.Running));

        Assert.Equal((Running, Now), (row.State, row.StartedDatetime));
    }

    [Theory]
    [InlineData(Stopping, ReportedStates.Running)] // the user's stop is not undone by a container that still runs
    [InlineData(Terminating, ReportedStates.Running)]
    [InlineData(Running, ReportedStates.Running)]
    [InlineData(Starting, ReportedStates.Stopped)] // created, not started yet: no exit code
    [InlineData(Starting, ReportedStates.Starting)]
    [InlineData(Running, ReportedStates.Starting)]
    [InlineData(Stopped, ReportedStates.Starting)]
    [InlineData(Terminating, ReportedStates.Failed)]
    public void Reports_that_move_no_state(ContainerState from, string state)
    {
        var row = Row(from);

        var change = Apply(row, Report(state));

        Assert.Equal((from, ContainerDesire.Running, (DateTimeOffset?)null), (row.State, row.Desired, row.StartedDatetime));
        Assert.Null(change.State);
    }

    [Theory]
    [InlineData(Starting)]
    [InlineData(Running)]
    public void An_exit_that_is_not_restarted_stops_the_container_for_good(ContainerState from)
    {
        var row = Row(from, Autorestart.OnFailure);

        var change = Apply(row, Report(ReportedStates.Stopped) with { ExitCode = 0 });

        Assert.Equal((ContainerState.Stopped, ContainerDesire.Stopped, (int?)0, (DateTimeOffset?)Now), (row.State, row.Desired, row.ExitCode, row.StoppedDatetime));
        Assert.True(change.ChangesDesire);
        Assert.False(change.Autodestroyed);
    }

    [Theory]
    [InlineData(Autorestart.OnFailure, 1)]
    [InlineData(Autorestart.Always, 0)]
    public void An_exit_the_engine_restarts_stops_the_container_but_keeps_it_wanted(Autorestart autorestart, int exitCode)
    {
        var row = Row(Running, autorestart, Autodestroy.Always);

        var change = Apply(row, Report(ReportedStates.Stopped) with { ExitCode = exitCode });

        Assert.Equal((ContainerState.Stopped, ContainerDesire.Running, (int?)exitCode), (row.State, row.Desired, row.ExitCode));
        Assert.False(change.ChangesDesire);
        Assert.False(change.Autodestroyed); // autorestart is weighed first
    }

    [Theory]
    [InlineData(Autodestroy.Always, 3)]
    [InlineData(Autodestroy.OnSuccess, 0)]
    public void An_exit_autodestroy_destroys_terminates_the_container(Autodestroy autodestroy, int exitCode)
    {
        var row = Row(Running, Autorestart.Off, autodestroy);

        var change = Apply(row, Report(ReportedStates.Stopped) with { ExitCode = exitCode });

        Assert.Equal((Terminating, ContainerDesire.Removed, (int?)exitCode), (row.State, row.Desired, row.ExitCode));
        Assert.True(change.Autodestroyed);
    }

    [Fact]
    public void A_failed_exit_autodestroy_on_success_spares_stays_stopped()
    {
        var row = Row(Running, Autorestart.Off, Autodestroy.OnSuccess);

        var change = Apply(row, Report(ReportedStates.Stopped) with { ExitCode = 2 });

        Assert.Equal((ContainerState.Stopped, ContainerDesire.Stopped), (row.State, row.Desired));
        Assert.False(change.Autodestroyed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(null)]
    public void A_stopping_container_that_stopped_is_stopped(int? exitCode)
    {
        var row = Row(Stopping, Autorestart.Off, Autodestroy.Always);
        row.Desired = ContainerDesire.Stopped;

        var change = Apply(row, Report(ReportedStates.Stopped) with { ExitCode = exitCode });

        Assert.Equal((ContainerState.Stopped, ContainerDesire.Stopped, exitCode), (row.State, row.Desired, row.ExitCode));
        Assert.False(change.Autodestroyed); // the user stopped it: not an exit autodestroy is about
    }

    [Theory]
    [InlineData(Starting)]
    [InlineData(Running)]
    public void A_failure_stops_the_container_with_its_message_and_it_is_not_started_again(ContainerState from)
    {
        var row = Row(from, Autorestart.Always);

        Apply(row, Report(ReportedStates.Failed) with { Message = "pull access denied for nosuch" });

        Assert.Equal((ContainerState.Stopped, ContainerDesire.Stopped, "pull access denied for nosuch", (DateTimeOffset?)Now),
            (row.State, row.Desired, row.ExitCodeMsg, row.StoppedDatetime));
    }

    [Fact]
    public void A_removed_container_the_node_no_longer_has_is_terminated()
    {
        var row = Row(Terminating);
        row.Desired = ContainerDesire.Removed;

        ContainerReports.Decide(row, null, Now).ApplyTo(row);

        Assert.Equal((Terminated, (DateTimeOffset?)Now), (row.State, row.DestroyedDatetime));
    }

    [Theory]
    [InlineData(Starting)]
    [InlineData(Running)]
    [InlineData(Stopped)]
    public void Any_other_container_the_node_does_not_have_is_left_as_it_is(ContainerState from)
    {
        var row = Row(from);

        Assert.True(ContainerReports.Decide(row, null, Now).IsNone);
    }

    [Fact]
    public void Every_state_moved_to_follows_the_state_machine()
    {
        string[] states = [.. ReportedStates.All];
        foreach (var from in Enum.GetValues<ContainerState>().Where(s => s != Terminated))
        {
            foreach (var (state, code) in states.SelectMany(s => new[] { (s, (int?)null), (s, 0), (s, 1) }))
            {
                foreach (var desire in Enum.GetValues<ContainerDesire>())
                {
                    var row = Row(from, Autorestart.Off, Autodestroy.OnSuccess);
                    row.Desired = desire;
                    var change = ContainerReports.Decide(row, Report(state) with { ExitCode = code }, Now);

                    Assert.True(change.State is null || ContainerStates.Machine.CanMove(from, change.State.Value), $"{from} + {state}/{code} -> {change.State}");
                }
            }
        }
    }

    private static ContainerReportChange Apply(Container row, ReportedContainer report)
    {
        var change = ContainerReports.Decide(row, report, Now);
        change.ApplyTo(row);
        return change;
    }

    private static ReportedContainer Report(string state, int revision = 1) => new(Guid.NewGuid(), revision, state);

    private static Container Row(ContainerState state, Autorestart autorestart = Autorestart.Off, Autodestroy autodestroy = Autodestroy.Off, int revision = 1)
    {
        var row = new Container
        {
            Uuid = Guid.NewGuid(),
            Namespace = "ns",
            ServiceUuid = Guid.NewGuid(),
            ServiceName = "web",
            Number = 1,
            NodeUuid = Guid.NewGuid(),
            Revision = revision,
            Spec = new ContainerSpec("busybox", null, null, null, [], [], [], null, null, autorestart, autodestroy),
        };
        row.Restore(state);
        return row;
    }
}
