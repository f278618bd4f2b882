using FunctionsCloud.Application.Agents;
using FunctionsCloud.Application.Liveness;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Application.Tests.Agents.Support;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.Validation;
using Microsoft.DurableTask.Client;
using Moq;
using static FunctionsCloud.Domain.Containers.ContainerState;

namespace FunctionsCloud.Application.Tests.Agents;

public class ContainerReportRecorderTests
{
    private readonly NodeWorld _world = new();

    [Fact]
    public async Task A_changed_report_is_applied_and_the_lease_answered_with_carries_its_digest()
    {
        var row = _world.AddContainer(Starting);
        var recorder = _world.Reports();
        IReadOnlyList<ReportedContainer> report = [Report(row, ReportedStates.Running) with { DockerId = "abc123" }];

        var lease = await recorder.RecordAsync(_world.Node, report, _world.Lease, CancellationToken.None);

        Assert.Equal((Running, "abc123", (DateTimeOffset?)NodeWorld.Now), (_world.Containers[row.Uuid].State, _world.Containers[row.Uuid].DockerId, _world.Containers[row.Uuid].StartedDatetime));
        Assert.Equal(ContainerReportDigest.Of(0, report), lease.ContainersDigest);
        Assert.Equal((1, 0, 1), (_world.Containers.Lists, _world.Containers.Gets, _world.Containers.Writes)); // the listed copy is written, not read again
    }

    [Fact]
    public async Task A_report_with_the_leased_digest_reads_no_containers()
    {
        var row = _world.AddContainer(Running);
        IReadOnlyList<ReportedContainer> report = [Report(row, ReportedStates.Stopped) with { ExitCode = 1 }];
        var lease = _world.Lease with { ContainersDigest = ContainerReportDigest.Of(_world.Pointer.Generation, report) };

        var answered = await _world.Reports().RecordAsync(_world.Node, report, lease, CancellationToken.None);

        Assert.Equal(lease, answered);
        Assert.Equal((0, 0, 0), (_world.Containers.Lists, _world.Containers.Gets, _world.Containers.Writes));
        Assert.Equal(Running, _world.Containers[row.Uuid].State);
    }

    [Fact]
    public async Task The_same_report_is_applied_again_once_the_generation_moved_on()
    {
        var row = _world.AddContainer(Running);
        IReadOnlyList<ReportedContainer> report = [Report(row, ReportedStates.Running)];
        var recorder = _world.Reports();
        var first = await recorder.RecordAsync(_world.Node, report, _world.Lease, CancellationToken.None);
        _world.Containers.WriteElsewhere(row.Uuid, c => c.MoveTo(Stopping)); // a stop that the agent has not acted on yet

        await recorder.RecordAsync(_world.Node, report, first with { Generation = first.Generation + 1 }, CancellationToken.None);

        Assert.Equal(2, _world.Containers.Lists);
    }

    [Fact]
    public async Task No_report_changes_nothing_and_keeps_the_leased_digest()
    {
        _world.AddContainer(Running);
        var lease = _world.Lease with { ContainersDigest = "earlier" };

        var answered = await _world.Reports().RecordAsync(_world.Node, null, lease, CancellationToken.None);

        Assert.Equal(lease, answered);
        Assert.Equal(0, _world.Containers.Lists);
    }

    [Fact]
    public async Task An_autodestroyed_container_lowers_its_services_target_and_the_node_hears_of_it()
    {
        var destroyed = _world.AddContainer(Running, Autorestart.Off, Autodestroy.Always);
        var other = _world.AddContainer(Running);

        var lease = await _world.Reports().RecordAsync(_world.Node,
            [Report(destroyed, ReportedStates.Stopped) with { ExitCode = 0 }, Report(other, ReportedStates.Running)], _world.Lease, CancellationToken.None);

        Assert.Equal((Terminating, ContainerDesire.Removed), (_world.Containers[destroyed.Uuid].State, _world.Containers[destroyed.Uuid].Desired));
        Assert.Equal(1, _world.Service.TargetNumContainers);
        Assert.Equal((1, 1), (_world.Pointer.Generation, lease.Generation));
    }

    [Fact]
    public async Task A_services_target_is_not_lowered_below_zero()
    {
        _world.Service.TargetNumContainers = 0;
        var destroyed = _world.AddContainer(Running, Autorestart.Off, Autodestroy.Always);

        await _world.Reports().ApplyAsync(_world.Node, [Report(destroyed, ReportedStates.Stopped) with { ExitCode = 3 }], CancellationToken.None);

        Assert.Equal((Terminating, 0), (_world.Containers[destroyed.Uuid].State, _world.Service.TargetNumContainers));
    }

    [Fact]
    public async Task A_report_that_changes_what_the_node_runs_answers_a_lease_at_the_bumped_pointer_so_the_next_quiet_beat_reads_nothing()
    {
        var row = _world.AddContainer(Running, Autorestart.OnFailure);
        IReadOnlyList<ReportedContainer> report = [Report(row, ReportedStates.Stopped) with { ExitCode = 0 }];
        var recorder = _world.Reports();

        var lease = await recorder.RecordAsync(_world.Node, report, _world.Lease, CancellationToken.None);

        Assert.Equal((1, 1), (_world.Pointer.Generation, lease.Generation));
        Assert.Equal(_world.Pointer.Version, lease.PointerVersion);
        _world.Liveness.Verify(l => l.GetAsync(It.IsAny<string>(), It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Equal(lease, await recorder.RecordAsync(_world.Node, report, lease, CancellationToken.None));
        Assert.Equal(1, _world.Containers.Lists);
    }

    [Fact]
    public async Task An_exit_that_is_not_restarted_bumps_the_generation_so_the_agent_keeps_it_stopped()
    {
        var row = _world.AddContainer(Running, Autorestart.OnFailure);

        var generation = await _world.Reports().ApplyAsync(_world.Node, [Report(row, ReportedStates.Stopped) with { ExitCode = 0 }], CancellationToken.None);

        Assert.Equal((ContainerDesire.Stopped, (int?)1), (_world.Containers[row.Uuid].Desired, generation));
        _world.Services.Verify(s => s.UpdateAsync(It.IsAny<string>(), It.IsAny<Guid>(), It.IsAny<Func<Service, bool>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_state_change_alone_bumps_no_generation_and_counts_no_containers()
    {
        var row = _world.AddContainer(Starting);

        var generation = await _world.Reports().ApplyAsync(_world.Node, [Report(row, ReportedStates.Running)], CancellationToken.None);

        Assert.Null(generation);
        Assert.Equal(0, _world.Pointer.Generation);
        _world.Nodes.Verify(n => n.UpdateAsync(It.IsAny<string>(), It.IsAny<Guid>(), It.IsAny<Func<Domain.Nodes.Node, bool>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Removed_containers_the_node_no_longer_has_are_terminated_and_the_node_counts_the_rest()
    {
        var gone = _world.AddContainer(Terminating, desired: ContainerDesire.Removed);
        var kept = _world.AddContainer(Running);
        _world.AddContainer(Starting); // not reported yet: left as it is
        _world.NodeRow.CurrentNumContainers = 3;

        await _world.Reports().ApplyAsync(_world.Node, [Report(kept, ReportedStates.Running)], CancellationToken.None);

        Assert.Equal((Terminated, (DateTimeOffset?)NodeWorld.Now), (_world.Containers[gone.Uuid].State, _world.Containers[gone.Uuid].DestroyedDatetime));
        Assert.Equal(2, _world.NodeRow.CurrentNumContainers);
    }

    [Fact]
    public async Task A_row_written_elsewhere_since_it_was_listed_gets_the_rule_applied_to_its_fresh_copy()
    {
        var row = _world.AddContainer(Running, Autorestart.Off);
        var reports = new Mock<Storage.Containers.IContainerStore>();
        var racing = _world.Containers;
        // Between the list and the write a user stops the container: the exit then ends a stop, not a run.
        reports.Setup(s => s.ListLiveByNodeAsync(_world.Node.Namespace, _world.Node.NodeUuid, It.IsAny<CancellationToken>()))
            .Returns(async (string ns, Guid node, CancellationToken ct) =>
            {
                var listed = await racing.ListLiveByNodeAsync(ns, node, ct);
                racing.WriteElsewhere(row.Uuid, c =>
                {
                    c.MoveTo(Stopping);
                    c.Desired = ContainerDesire.Stopped;
                });
                return listed;
            });
        reports.Setup(s => s.UpdateAsync(It.IsAny<string>(), It.IsAny<Guid>(), It.IsAny<Container>(), It.IsAny<Func<Container, bool>>(), It.IsAny<CancellationToken>()))
            .Returns((string ns, Guid uuid, Container known, Func<Container, bool> change, CancellationToken ct) => racing.UpdateAsync(ns, uuid, known, change, ct));
        var recorder = new ContainerReportRecorder(reports.Object, _world.Services.Object, _world.Nodes.Object,
            new NodeGenerations(_world.Liveness.Object), TimeProvider.System);

        var generation = await recorder.ApplyAsync(_world.Node, [Report(row, ReportedStates.Stopped) with { ExitCode = 1 }], CancellationToken.None);

        var stored = _world.Containers[row.Uuid];
        Assert.Equal((ContainerState.Stopped, ContainerDesire.Stopped, (int?)1), (stored.State, stored.Desired, stored.ExitCode));
        Assert.Null(generation); // the user's stop, not the report, changed what the node runs
        Assert.Equal((1, 1), (racing.Gets, racing.Writes));
    }

    public static TheoryData<string, string> BadReports() => new()
    {
        { """{"uuid":"7a1f6c2e-0b7e-4f55-9d1e-2f3a4b5c6d7e","revision":1,"state":"Sleeping"}""", "containers[0].state" },
        { """{"uuid":"7a1f6c2e-0b7e-4f55-9d1e-2f3a4b5c6d7e","revision":0,"state":"Running"}""", "containers[0].revision" },
        { """{"uuid":"00000000-0000-0000-0000-000000000000","revision":1,"state":"Running"}""", "containers[0].uuid" },
        { """{"uuid":"7a1f6c2e-0b7e-4f55-9d1e-2f3a4b5c6d7e","revision":1,"state":"Running","ports":[{"protocol":"tcp","inner_port":0,"outer_port":80}]}""", "containers[0].ports[0].inner_port" },
        { """{"uuid":"7a1f6c2e-0b7e-4f55-9d1e-2f3a4b5c6d7e","revision":1,"state":"Running","ports":[{"protocol":"tcp","inner_port":80,"outer_port":65536}]}""", "containers[0].ports[0].outer_port" },
        { """{"uuid":"7a1f6c2e-0b7e-4f55-9d1e-2f3a4b5c6d7e","revision":1,"state":"Running","ports":[{"protocol":"sctp","inner_port":80,"outer_port":null}]}""", "containers[0].ports[0].protocol" },
        { """{"uuid":"7a1f6c2e-0b7e-4f55-9d1e-2f3a4b5c6d7e","revision":1,"state":"Running","private_ip":"not an address"}""", "containers[0].private_ip" },
        { """{"uuid":"7a1f6c2e-0b7e-4f55-9d1e-2f3a4b5c6d7e","revision":1,"state":"Running","docker_id":"xyz!"}""", "containers[0].docker_id" },
        { """{"uuid":"7a1f6c2e-0b7e-4f55-9d1e-2f3a4b5c6d7e","revision":1,"state":"Failed","message":"%LONG%"}""", "containers[0].message" },
        { """{"uuid":"7a1f6c2e-0b7e-4f55-9d1e-2f3a4b5c6d7e","revision":1,"state":"Running","image_env":[{"key":"","value":"x"}]}""", "containers[0].image_env[0]" },
        { """{"uuid":"7a1f6c2e-0b7e-4f55-9d1e-2f3a4b5c6d7e","revision":1,"state":"Running","image_env":[{"key":"PATH","value":"/bin"},{"key":"A=B","value":"x"}]}""", "containers[0].image_env[1]" },
        { """{"uuid":"7a1f6c2e-0b7e-4f55-9d1e-2f3a4b5c6d7e","revision":1,"state":"Running","image_env":[{"key":"BELL","value":"\u0007"}]}""", "containers[0].image_env[0]" },
        { """{"uuid":"7a1f6c2e-0b7e-4f55-9d1e-2f3a4b5c6d7e","revision":1,"state":"Running","image_env":[{"key":"BIG","value":"%HUGE%"}]}""", "containers[0].image_env" },
        { """{"uuid":"7a1f6c2e-0b7e-4f55-9d1e-2f3a4b5c6d7e","revision":1,"state":"Running"}, {"uuid":"7a1f6c2e-0b7e-4f55-9d1e-2f3a4b5c6d7e","revision":1,"state":"Running"}""", "containers" },
    };

    [Fact]
    public void A_null_report_item_is_refused_as_the_body_is_read()
    {
        var error = Assert.Throws<RequestValidationException>(() => RequestBody.Parse<HeartbeatRequest>(
            """{"inventory":{"cpu":1,"memory":1,"disk":1},"containers":[null]}"""u8));

        Assert.Equal("containers", error.Errors.Single().Field);
    }

    [Theory]
    [MemberData(nameof(BadReports))]
    public async Task A_bad_report_is_a_400_naming_the_field_and_changes_nothing(string containers, string field)
    {
        var row = _world.AddContainer(Starting);
        var report = RequestBody.Parse<HeartbeatRequest>(System.Text.Encoding.UTF8.GetBytes(
            """{"inventory":{"cpu":1,"memory":1,"disk":1},"containers":[""" + containers.Replace("%LONG%", new string('x', 2000), StringComparison.Ordinal)
                .Replace("%HUGE%", new string('x', ImageEnvironmentRules.MaxLength), StringComparison.Ordinal) + "]}")).Containers!;

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => _world.Reports().ApplyAsync(_world.Node, report, CancellationToken.None));

        Assert.Contains(error.Errors, e => e.Field == field);
        Assert.Equal((0, Starting), (_world.Containers.Lists, _world.Containers[row.Uuid].State));
    }

    [Fact]
    public async Task A_report_of_too_many_containers_is_refused()
    {
        var report = Enumerable.Range(0, ContainerReportRules.MaxContainers + 1).Select(_ => new ReportedContainer(Guid.NewGuid(), 1, ReportedStates.Running)).ToList();

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => _world.Reports().ApplyAsync(_world.Node, report, CancellationToken.None));

        Assert.Equal("containers", Assert.Single(error.Errors).Field);
    }

    [Fact]
    public async Task A_report_that_moves_a_container_wakes_the_operation_holding_its_service_and_a_quiet_one_does_not()
    {
        var operation = Guid.NewGuid();
        _world.Services.Setup(s => s.GetAsync(_world.Node.Namespace, _world.Service.Uuid, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => { _world.Service.ActiveAction = operation; return _world.Service; });
        var durable = new Mock<DurableTaskClient>("recording");
        var row = _world.AddContainer(Starting);
        var recorder = _world.Reports();
        IReadOnlyList<ReportedContainer> running = [Report(row, ReportedStates.Running)];

        var lease = await recorder.RecordAsync(_world.Node, running, _world.Lease, CancellationToken.None, durable.Object);
        await recorder.RecordAsync(_world.Node, running, lease, CancellationToken.None, durable.Object);
        await recorder.RecordAsync(_world.Node, [Report(row, ReportedStates.Running) with { DockerId = "renamed" }], lease, CancellationToken.None, durable.Object);

        durable.Verify(d => d.RaiseEventAsync(operation.ToString("D"), ServiceOperationNames.ContainersReported, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_wake_up_that_fails_still_leaves_the_generation_bumped_and_the_heartbeat_answered()
    {
        _world.Services.Setup(s => s.GetAsync(_world.Node.Namespace, _world.Service.Uuid, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new Azure.RequestFailedException(503, "Server busy"));
        var row = _world.AddContainer(Running, Autorestart.OnFailure);

        var lease = await _world.Reports().RecordAsync(_world.Node, [Report(row, ReportedStates.Stopped) with { ExitCode = 0 }],
            _world.Lease, CancellationToken.None, new Mock<DurableTaskClient>("recording").Object);

        Assert.Equal((1, 1), (_world.Pointer.Generation, lease.Generation));
        Assert.Equal(ContainerDesire.Stopped, _world.Containers[row.Uuid].Desired);
    }

    private static ReportedContainer Report(Container row, string state) => new(row.Uuid, row.Revision, state);
}
