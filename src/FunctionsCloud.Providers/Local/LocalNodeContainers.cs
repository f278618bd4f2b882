using Docker.DotNet;
using Docker.DotNet.Models;
using FunctionsCloud.Domain.Agents;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Providers.Local;

/// <summary>
/// A local node's containers run on this machine's shared engine: when the node is terminated they go with it, and
/// so do their named volumes, as a cloud machine's containers and disks go with the machine.
/// </summary>
public sealed partial class LocalNodeContainers(Uri dockerEndpoint, ILogger<LocalNodeContainers> logger)
{
    public static readonly Uri DefaultEndpoint = new(Environment.GetEnvironmentVariable("DOCKER_HOST") ?? "unix:///var/run/docker.sock");

    /// <summary>Removes every container and named volume labelled as the node's; an engine that does not answer is logged, not thrown.</summary>
    public async Task RemoveAllAsync(Guid nodeUuid, CancellationToken cancellationToken)
    {
        try
        {
            using var docker = new DockerClientConfiguration(dockerEndpoint).CreateClient();
            var filter = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{NodeContainerLabels.Node}={nodeUuid:D}"] = true },
            };
            var containers = await docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter }, cancellationToken).ConfigureAwait(false);
            foreach (var container in containers)
            {
                await docker.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true }, cancellationToken).ConfigureAwait(false);
            }

            var volumes = await docker.Volumes.ListAsync(new VolumesListParameters { Filters = filter }, cancellationToken).ConfigureAwait(false);
            foreach (var volume in volumes.Volumes ?? [])
            {
                try
                {
                    await docker.Volumes.RemoveAsync(volume.Name, force: true, cancellationToken).ConfigureAwait(false);
                }
                catch (DockerApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.Conflict)
                {
                    // Mounted by another node's container (its volumes_from): the engine keeps what is in use.
                }
            }
        }
        catch (Exception ex) when (ex is DockerApiException or HttpRequestException or IOException or TimeoutException or OperationCanceledException)
        {
            LogNotRemoved(logger, nodeUuid, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The containers of local node {NodeUuid} could not be removed: {Reason}")]
    private static partial void LogNotRemoved(ILogger logger, Guid nodeUuid, string reason);
}
