using Docker.DotNet.Models;
using FunctionsCloud.Agent.Containers;
using FunctionsCloud.Agent.Tests.Support;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Agent.Tests.Containers;

/// <summary>Containers made on the real engine from their spec.</summary>
public sealed class ContainerCreationTests : IAsyncLifetime
{
    private DockerTestNode _node = null!;

    public async Task InitializeAsync() => _node = await DockerTestNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Created_containers_carry_their_labels_and_env_and_answer_http_on_their_bound_ports()
    {
        var fixedPort = FreePort.Next();
        var picked = Desired.Container("web-1", Desired.Spec(Desired.Published(80), Desired.Exposed(8080)) with { Environment = [new EnvironmentVariable("GREETING", "hello")] });
        var fixedOne = Desired.Container("web-2", Desired.Spec(Desired.Published(80, fixedPort)));

        await _node.ReconcileAsync(picked, fixedOne);

        var pickedReport = await _node.ReportOfAsync(picked);
        Assert.Equal(ReportedStates.Running, pickedReport.State);
        Assert.Equal(1, pickedReport.Revision);
        Assert.False(string.IsNullOrEmpty(pickedReport.DockerId));
        Assert.False(string.IsNullOrEmpty(pickedReport.PrivateIp));
        var web = Assert.Single(pickedReport.Ports!, p => p.InnerPort == 80);
        Assert.True(web.OuterPort > 0);
        Assert.Null(Assert.Single(pickedReport.Ports!, p => p.InnerPort == 8080).OuterPort);
        Assert.Equal([new BoundPort("tcp", 80, fixedPort)], (await _node.ReportOfAsync(fixedOne)).Ports!);

        Assert.Contains("functionscloud", await GetUntilAnswersAsync(web.OuterPort!.Value), StringComparison.Ordinal);
        Assert.Contains("functionscloud", await GetUntilAnswersAsync(fixedPort), StringComparison.Ordinal);

        var inspected = await _node.InspectAsync(pickedReport.DockerId!);
        Assert.Equal("/" + DockerNames.For("web-1", picked.Uuid), inspected.Name);
        Assert.Contains("GREETING=hello", inspected.Config.Env);
        Assert.Equal(_node.Uuid.ToString(), inspected.Config.Labels[NodeContainerLabels.Node]);
        Assert.Equal(picked.Uuid.ToString(), inspected.Config.Labels[NodeContainerLabels.Container]);
        Assert.Equal(Desired.ServiceUuid.ToString(), inspected.Config.Labels[NodeContainerLabels.Service]);
        Assert.Equal("1", inspected.Config.Labels[NodeContainerLabels.Revision]);
        Assert.Equal("web-1", inspected.Config.Labels[NodeContainerLabels.Name]);
    }

    [Fact]
    public async Task Command_entrypoint_working_dir_hosts_memory_and_cpu_shares_reach_the_engine()
    {
        var spec = Desired.Spec() with
        {
            Entrypoint = ["/bin/busybox"],
            Command = ["httpd", "-f", "-p", "81"],
            WorkingDir = "/www",
            ExtraHosts = [new HostAlias("db", "10.1.2.3")],
            MemoryMb = 64,
            CpuShares = 512,
        };
        var desired = Desired.Container("tuned-1", spec);

        await _node.ReconcileAsync(desired);

        var report = await _node.ReportOfAsync(desired);
        Assert.Equal(ReportedStates.Running, report.State);
        var inspected = await _node.InspectAsync(report.DockerId!);
        Assert.Equal(["/bin/busybox"], inspected.Config.Entrypoint);
        Assert.Equal(["httpd", "-f", "-p", "81"], inspected.Config.Cmd);
        Assert.Equal("/www", inspected.Config.WorkingDir);
        Assert.Contains("db:10.1.2.3", inspected.HostConfig.ExtraHosts);
        Assert.Equal(64L * 1024 * 1024, inspected.HostConfig.Memory);
        Assert.Equal(512, inspected.HostConfig.CPUShares);
    }

    [Theory]
    [InlineData(Autorestart.Off, RestartPolicyKind.No)]
    [InlineData(Autorestart.OnFailure, RestartPolicyKind.OnFailure)]
    [InlineData(Autorestart.Always, RestartPolicyKind.Always)]
    public async Task The_restart_policy_follows_autorestart(Autorestart autorestart, RestartPolicyKind expected)
    {
        var desired = Desired.Container("policy-1", Desired.Spec() with { Autorestart = autorestart }, running: false);

        await _node.ReconcileAsync(desired);

        var inspected = await _node.InspectAsync((await _node.ReportOfAsync(desired)).DockerId!);
        Assert.Equal(expected, inspected.HostConfig.RestartPolicy.Name);
    }

    [Fact]
    public async Task A_container_whose_command_exits_3_is_reported_stopped_with_exit_code_3()
    {
        var desired = Desired.Container("job-1", Desired.Spec() with { Command = ["sh", "-c", "exit 3"] });

        await _node.ReconcileAsync(desired);

        var report = await _node.WaitForReportAsync(desired, r => r.State == ReportedStates.Stopped, "the job has exited");
        Assert.Equal(3, report.ExitCode);
        Assert.Null(report.Message);
    }

    private static async Task<string> GetUntilAnswersAsync(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        return await Poll.UntilAsync(
            async () =>
            {
                try
                {
                    return await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/"));
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    return null;
                }
            },
            body => body is not null,
            $"the container answers on port {port}") ?? string.Empty;
    }
}
