using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using FunctionsCloud.Domain.Agents;
using static FunctionsCloud.Domain.Agents.NodeContainerLabels;

namespace FunctionsCloud.Agent.Containers;

/// <summary>
/// A container's bindings on the engine: its named volumes (one per container_path, named by the container's uuid,
/// its volume set and the path, labelled as the node's), host directories, and the containers of another service
/// whose volumes it mounts. A redeploy at the same volume set finds the same volumes; a container that leaves
/// the node takes its named volumes with it.
/// </summary>
public sealed class ContainerVolumes(IDockerClient docker)
{
    public static string NameOf(Guid containerUuid, int volumeSet, string containerPath)
    {
        ArgumentNullException.ThrowIfNull(containerPath);
        var path = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(containerPath.TrimEnd('/'))))[..12];
        return $"fc-{containerUuid:N}-{volumeSet.ToString(CultureInfo.InvariantCulture)}-{path}";
    }

    /// <summary>The mounts of the container's named volumes and host paths; creates the named volumes that are missing.</summary>
    public async Task<IList<Mount>> PrepareAsync(Guid nodeUuid, DesiredContainer desired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var mounts = new List<Mount>();
        foreach (var binding in (desired.Spec.Bindings ?? []).Where(b => b.VolumesFrom is null))
        {
            if (binding.HostPath is { } hostPath)
            {
                mounts.Add(new Mount { Type = "bind", Source = hostPath, Target = binding.ContainerPath, ReadOnly = !binding.Rewritable });
                continue;
            }

            // Creating a volume that exists answers the existing one: a redeploy finds its data.
            var volume = await docker.Volumes.CreateAsync(new VolumesCreateParameters
            {
                Name = NameOf(desired.Uuid, desired.VolumeSet, binding.ContainerPath!),
                Labels = Labels(nodeUuid, desired),
            }, cancellationToken).ConfigureAwait(false);
            mounts.Add(new Mount { Type = "volume", Source = volume.Name, Target = binding.ContainerPath, ReadOnly = !binding.Rewritable });
        }

        return mounts;
    }

    /// <summary>
    /// The engine's ids of the containers whose volumes the container mounts: those of each volumes_from service on
    /// this engine (on a node of its own, the ones on this node).
    /// </summary>
    /// <returns>The ids, or why they cannot be had (a volumes_from service without a container here).</returns>
    public async Task<(IList<string> Ids, string? Problem)> VolumesFromAsync(DesiredContainer desired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var ids = new List<string>();
        foreach (var service in (desired.Spec.Bindings ?? []).Select(b => b.VolumesFrom).OfType<Guid>().Distinct())
        {
            var listed = await docker.Containers.ListContainersAsync(
                new ContainersListParameters { All = true, Filters = LabelFilter($"{Service}={Text(service)}") }, cancellationToken).ConfigureAwait(false);
            if (listed.Count == 0)
            {
                return ([], $"volumes_from service {Text(service)} has no container on this node's engine to take volumes from.");
            }

            ids.AddRange(listed.Select(c => c.ID));
        }

        return (ids, null);
    }

    /// <summary>Removes the container's named volumes, all of them or those of volume sets other than <paramref name="keep"/>; those still in use stay.</summary>
    public async Task RemoveAsync(Guid nodeUuid, Guid containerUuid, int? keep, CancellationToken cancellationToken)
    {
        var listed = await docker.Volumes.ListAsync(new VolumesListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>>(StringComparer.Ordinal)
            {
                ["label"] = new Dictionary<string, bool>(StringComparer.Ordinal) { [$"{Node}={Text(nodeUuid)}"] = true, [$"{Container}={Text(containerUuid)}"] = true },
            },
        }, cancellationToken).ConfigureAwait(false);
        var keepSet = keep?.ToString(CultureInfo.InvariantCulture);
        foreach (var volume in listed.Volumes ?? [])
        {
            if (keepSet is not null && volume.Labels is not null && volume.Labels.TryGetValue(VolumeSet, out var set) && set == keepSet)
            {
                continue;
            }

            try
            {
                await docker.Volumes.RemoveAsync(volume.Name, force: false, cancellationToken).ConfigureAwait(false);
            }
            catch (DockerApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                // Removed meanwhile: what was wanted.
            }
            catch (DockerApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.Conflict)
            {
                // Mounted by another service's container (its volumes_from): the engine keeps what is in use.
            }
        }
    }

    private static Dictionary<string, string> Labels(Guid nodeUuid, DesiredContainer desired) => new(StringComparer.Ordinal)
    {
        [Node] = Text(nodeUuid),
        [Container] = Text(desired.Uuid),
        [Service] = Text(desired.ServiceUuid),
        [VolumeSet] = desired.VolumeSet.ToString(CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, IDictionary<string, bool>> LabelFilter(string label) =>
        new(StringComparer.Ordinal) { ["label"] = new Dictionary<string, bool>(StringComparer.Ordinal) { [label] = true } };

    private static string Text(Guid uuid) => uuid.ToString("D", CultureInfo.InvariantCulture);
}
