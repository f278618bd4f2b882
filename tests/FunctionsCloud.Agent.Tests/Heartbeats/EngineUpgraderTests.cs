using FunctionsCloud.Agent.Configuration;
using FunctionsCloud.Agent.Engine;
using FunctionsCloud.Agent.Tests.Support;
using FunctionsCloud.Domain.Agents;

namespace FunctionsCloud.Agent.Tests.Heartbeats;

/// <summary>The upgrade command as the agent runs it when an answer orders it: once per action, its output and outcome reported.</summary>
public sealed class EngineUpgraderTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ListLoggerProvider _logs = new();

    public void Dispose()
    {
        _dir.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public async Task A_command_that_succeeds_is_run_once_per_action_and_reported_with_its_output_and_the_engines_version()
    {
        var runs = _dir.Combine("runs");
        var upgrader = Upgrader($"echo run >> {runs}; echo 'Unpacking docker.io'; echo 'a warning' >&2");
        var order = new EngineUpgradeOrder(Guid.NewGuid());

        upgrader.Follow(order, CancellationToken.None);
        var report = await Poll.UntilAsync(() => Task.FromResult(upgrader.Report), r => r is not null, "the upgrade reported");
        upgrader.Follow(order, CancellationToken.None);

        Assert.Equal(new EngineUpgradeReport(order.Action, true, report!.Output, "28.0.1"), report);
        Assert.Contains("Unpacking docker.io\n", report.Output);
        Assert.Contains("a warning\n", report.Output);
        Assert.Same(report, upgrader.Report);
        Assert.Equal(["run"], await File.ReadAllLinesAsync(runs));
        upgrader.Follow(null, CancellationToken.None);
        Assert.Null(upgrader.Report);
    }

    [Fact]
    public async Task A_command_that_fails_is_reported_failed_with_its_status_and_output()
    {
        var upgrader = Upgrader("echo 'E: Unable to locate package docker.io' >&2; exit 100");
        var order = new EngineUpgradeOrder(Guid.NewGuid());

        upgrader.Follow(order, CancellationToken.None);
        var report = await Poll.UntilAsync(() => Task.FromResult(upgrader.Report), r => r is not null, "the upgrade reported");

        Assert.False(report!.Succeeded);
        Assert.Equal("The upgrade command exited with status 100.", report.Error);
        Assert.Equal("E: Unable to locate package docker.io\n", report.Output);
        Assert.Null(report.DockerVersion);
    }

    [Fact]
    public void The_output_kept_is_the_tail_of_what_was_printed()
    {
        var tail = new OutputTail(10);

        tail.AppendLine("first line");
        tail.AppendLine("last");

        Assert.Equal("line\nlast\n", tail.Text);
    }

    private EngineUpgrader Upgrader(string command) => new(
        new AgentOptions
        {
            ApiUrl = new Uri("http://127.0.0.1:1"),
            StateDir = _dir.Path,
            DockerHost = new Uri(AgentOptionsLoader.DefaultDockerHost),
            Hostname = "test-host",
            UpgradeCommand = command,
        },
        new StubDockerProbe("28.0.1"), TimeProvider.System, _logs.CreateLogger<EngineUpgrader>());
}
