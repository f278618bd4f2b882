using Docker.DotNet;
using FunctionsCloud.Agent.Configuration;
using FunctionsCloud.Agent.Containers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Agent.Logs;

/// <summary>
/// Ships the output of the node's containers to its log blobs, once the control plane has handed over a credential:
/// every <see cref="ScanInterval"/> it lists the node's containers on the engine (no storage request) and follows each
/// one it does not follow yet — a running one until it stops, one that stopped once, to store what it left. A
/// container that runs again is followed again, from after its last stored line. A container's log has one writer at
/// a time: a redeploy makes a new engine container of the same uuid, and its output is followed only once the old
/// revision's is stored (oldest revision first), so the two never append to the same segments at once.
/// </summary>
public sealed partial class LogShipper(AgentOptions options, LogCredentialHolder credentials, TimeProvider time, ILogger<LogShipper> logger) : BackgroundService
{
    public static readonly TimeSpan ScanInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var node = (await credentials.CurrentAsync(stoppingToken).ConfigureAwait(false)).NodeUuid;
            using var docker = new DockerClientConfiguration(options.DockerHost).CreateClient();
            var follower = new ContainerLogFollower(docker, credentials, time, logger);
            var followed = new Dictionary<string, Task>(StringComparer.Ordinal);
            var writers = new Dictionary<Guid, Task>();
            while (!stoppingToken.IsCancellationRequested)
            {
                await ScanAsync(docker, node, follower, followed, writers, stoppingToken).ConfigureAwait(false);
                await Task.Delay(ScanInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The agent stops; what was read and not stored yet is read again from the engine next time.
        }
    }

    /// <param name="followed">The following of each engine container (by its id).</param>
    /// <param name="writers">The following that writes each container's log now (by its uuid).</param>
    private async Task ScanAsync(
        IDockerClient docker, Guid node, ContainerLogFollower follower, Dictionary<string, Task> followed, Dictionary<Guid, Task> writers, CancellationToken stoppingToken)
    {
        IReadOnlyList<ManagedContainer> containers;
        try
        {
            containers = await ManagedContainer.ListAsync(docker, node, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DockerApiException or HttpRequestException or IOException or TimeoutException)
        {
            return;
        }

        foreach (var container in containers.OrderBy(c => c.Revision))
        {
            if (container.Uuid is not { } uuid
                || (writers.TryGetValue(uuid, out var writing) && !writing.IsCompleted)
                || (followed.TryGetValue(container.Id, out var done) && done.IsCompleted && !container.IsRunning))
                continue;
            followed[container.Id] = writers[uuid] = FollowAsync(follower, container.Id, uuid, stoppingToken);
        }

        foreach (var gone in writers.Where(w => w.Value.IsCompleted && containers.All(c => c.Uuid != w.Key)).Select(w => w.Key).ToList())
            writers.Remove(gone);

        foreach (var gone in followed.Where(f => f.Value.IsCompleted && containers.All(c => c.Id != f.Key)).Select(f => f.Key).ToList())
            followed.Remove(gone);
    }

    private async Task FollowAsync(ContainerLogFollower follower, string dockerId, Guid uuid, CancellationToken stoppingToken)
    {
        try
        {
            await follower.RunAsync(dockerId, uuid, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogFollowFailed(logger, uuid, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Container {ContainerUuid}: following its output stopped ({Reason}); it is taken up again at the next scan")]
    private static partial void LogFollowFailed(ILogger logger, Guid containerUuid, string reason);
}
