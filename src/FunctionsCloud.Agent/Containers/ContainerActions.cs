using Docker.DotNet;
using Docker.DotNet.Models;
using FunctionsCloud.Domain.Agents;

namespace FunctionsCloud.Agent.Containers;

/// <summary>The engine calls the reconciler makes on one container.</summary>
/// <param name="stopGrace">How long a container may take to exit on SIGTERM before the engine kills it.</param>
public sealed class ContainerActions(IDockerClient docker, TimeSpan stopGrace)
{
    public ContainerVolumes Volumes { get; } = new(docker);

    /// <summary>
    /// Creates the container (its image must be present) with its volumes, and starts it when it is to run.
    /// Named volumes of the container's other volume sets go (reuse_volumes=false).
    /// </summary>
    /// <returns>Null when done; else why the container cannot be made (a volumes_from service with no container here).</returns>
    public async Task<string?> CreateAsync(Guid nodeUuid, DesiredContainer desired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var (volumesFrom, problem) = await Volumes.VolumesFromAsync(desired, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var mounts = await Volumes.PrepareAsync(nodeUuid, desired, cancellationToken).ConfigureAwait(false);
        var created = await docker.Containers.CreateContainerAsync(ContainerCreation.Parameters(nodeUuid, desired, mounts, volumesFrom), cancellationToken).ConfigureAwait(false);
        await Volumes.RemoveAsync(nodeUuid, desired.Uuid, keep: desired.VolumeSet, cancellationToken).ConfigureAwait(false);
        if (desired.Running)
        {
            await StartAsync(created.ID, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    public Task StartAsync(string id, CancellationToken cancellationToken) =>
        docker.Containers.StartContainerAsync(id, new ContainerStartParameters(), cancellationToken);

    public Task StopAsync(string id, CancellationToken cancellationToken) =>
        docker.Containers.StopContainerAsync(id, new ContainerStopParameters { WaitBeforeKillSeconds = (uint)stopGrace.TotalSeconds }, cancellationToken);

    /// <summary>Stops the container (gracefully, if it runs) and removes it; one already gone is no failure.</summary>
    public async Task StopAndRemoveAsync(ManagedContainer container, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(container);
        try
        {
            if (container.IsRunning)
            {
                await StopAsync(container.Id, cancellationToken).ConfigureAwait(false);
            }

            await docker.Containers.RemoveContainerAsync(container.Id, new ContainerRemoveParameters { Force = true }, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerContainerNotFoundException)
        {
            // Removed meanwhile (by hand, or by the engine): what was wanted.
        }
    }
}
