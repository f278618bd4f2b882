using Docker.DotNet;
using Docker.DotNet.Models;
using FunctionsCloud.Agent.Configuration;
using FunctionsCloud.Agent.Containers;
using FunctionsCloud.Domain.Agents;

namespace FunctionsCloud.Agent.Tests.Support;

/// <summary>
/// A node of its own (a fresh uuid) on the machine's real Docker engine, with the agent's container manager for it.
/// Fails, rather than skips, when no engine answers. Disposing removes every container labelled as this node's and
/// every other container the test made, and the named volumes labelled as this node's.
/// </summary>
public sealed class DockerTestNode : IAsyncDisposable
{
    public const string Image = "functionscloud/busybox:latest";

    /// <summary>Short, so tests that stop busybox (PID 1 ignores SIGTERM) do not wait Docker's default 10 s.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(1);

    private readonly List<string> _foreign = [];

    private DockerTestNode()
    {
        Docker = new DockerClientConfiguration(Endpoint).CreateClient();
        Containers = new DockerNodeContainers(Endpoint, Logs.CreateLogger<DockerNodeContainers>(), StopGrace);
    }

    public static Uri Endpoint { get; } = new(AgentOptionsLoader.DefaultDockerHost);

    public Guid Uuid { get; } = Guid.NewGuid();

    public DockerClient Docker { get; }

    public DockerNodeContainers Containers { get; }

    public ListLoggerProvider Logs { get; } = new();

    public static async Task<DockerTestNode> StartAsync()
    {
        var node = new DockerTestNode();
        try
        {
            await node.Docker.Images.InspectImageAsync(Image);
        }
        catch (Exception ex) when (ex is not DockerImageNotFoundException)
        {
            await node.DisposeAsync();
            throw new InvalidOperationException($"These tests need the Docker engine at {Endpoint} (run .ci/docker): {ex.GetBaseException().Message}", ex);
        }
        catch (DockerImageNotFoundException ex)
        {
            await node.DisposeAsync();
            throw new InvalidOperationException($"These tests need the image {Image} (run .ci/docker).", ex);
        }

        return node;
    }

    public Task ReconcileAsync(params DesiredContainer[] desired) => Containers.ReconcileAsync(Uuid, desired, NoPullCredentials.Instance, CancellationToken.None);

    public async Task<IReadOnlyList<ReportedContainer>> ReportAsync()
    {
        var report = await Containers.ReportAsync(Uuid, CancellationToken.None);
        Assert.NotNull(report);
        return report;
    }

    public async Task<ReportedContainer> ReportOfAsync(DesiredContainer desired) =>
        Assert.Single(await ReportAsync(), r => r.Uuid == desired.Uuid);

    /// <summary>Polls the report until the container's entry satisfies the condition.</summary>
    public async Task<ReportedContainer> WaitForReportAsync(DesiredContainer desired, Func<ReportedContainer, bool> condition, string what)
    {
        var report = await Poll.UntilAsync(async () => (await ReportAsync()).SingleOrDefault(r => r.Uuid == desired.Uuid), r => r is not null && condition(r), what);
        return report!;
    }

    public Task<ContainerInspectResponse> InspectAsync(string id) => Docker.Containers.InspectContainerAsync(id);

    public async Task<bool> ExistsAsync(string id)
    {
        try
        {
            await InspectAsync(id);
            return true;
        }
        catch (DockerContainerNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The named volumes labelled as this node's.</summary>
    public async Task<IReadOnlyList<VolumeResponse>> VolumesAsync()
    {
        var listed = await Docker.Volumes.ListAsync(new VolumesListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{NodeContainerLabels.Node}={Uuid}"] = true } },
        });
        return [.. listed.Volumes ?? []];
    }

    /// <summary>Runs a command in a running container; its exit code and output.</summary>
    public async Task<(long ExitCode, string Output)> ExecAsync(string id, params string[] command)
    {
        var exec = await Docker.Exec.ExecCreateContainerAsync(id, new ContainerExecCreateParameters { Cmd = command, AttachStdout = true, AttachStderr = true });
        using var stream = await Docker.Exec.StartAndAttachContainerExecAsync(exec.ID, tty: false);
        var (stdout, stderr) = await stream.ReadOutputToEndAsync(CancellationToken.None);
        var inspected = await Docker.Exec.InspectContainerExecAsync(exec.ID);
        return (inspected.ExitCode, stdout + stderr);
    }

    /// <summary>Runs a container the agent must leave alone (another node's, or the host's own); removed on dispose.</summary>
    public async Task<string> RunForeignAsync(IDictionary<string, string>? labels)
    {
        var created = await Docker.Containers.CreateContainerAsync(new CreateContainerParameters { Image = Image, Labels = labels });
        _foreign.Add(created.ID);
        await Docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
        return created.ID;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            var mine = await ManagedContainer.ListAsync(Docker, Uuid, CancellationToken.None);
            foreach (var id in mine.Select(c => c.Id).Concat(_foreign))
            {
                await RemoveAsync(id);
            }

            foreach (var volume in await VolumesAsync())
            {
                await Docker.Volumes.RemoveAsync(volume.Name, force: true);
            }
        }
        catch (HttpRequestException)
        {
            // No engine: nothing was made.
        }

        Containers.Dispose();
        Docker.Dispose();
    }

    private async Task RemoveAsync(string id)
    {
        try
        {
            await Docker.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true });
        }
        catch (DockerContainerNotFoundException)
        {
        }
    }
}
