using Docker.DotNet;
using Docker.DotNet.Models;

namespace FunctionsCloud.Agent.Containers;

/// <summary>A container labelled as the node's, as the engine listed it.</summary>
/// <param name="Uuid">Its FunctionsCloud uuid; null when the label is missing or unreadable (it is then removed).</param>
/// <param name="State">The engine's state: created, running, paused, restarting, removing, exited or dead.</param>
public sealed record ManagedContainer(string Id, Guid? Uuid, int Revision, string State, ContainerListResponse Listed)
{
    public bool IsRunning => State is "running" or "paused" or "restarting";

    public static ManagedContainer From(ContainerListResponse listed)
    {
        ArgumentNullException.ThrowIfNull(listed);
        return new ManagedContainer(
            listed.ID,
            ContainerLabels.ContainerUuid(listed.Labels),
            ContainerLabels.RevisionOf(listed.Labels),
            listed.State ?? string.Empty,
            listed);
    }

    /// <summary>Every container labelled as the node's, running or not. Throws when the engine does not answer.</summary>
    public static async Task<IReadOnlyList<ManagedContainer>> ListAsync(IDockerClient docker, Guid nodeUuid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        var listed = await docker.Containers.ListContainersAsync(
            new ContainersListParameters { All = true, Filters = ContainerLabels.NodeFilter(nodeUuid) },
            cancellationToken).ConfigureAwait(false);
        return [.. listed.Select(From)];
    }

    /// <summary>Of several copies of one container (left by an interrupted redeploy), the one to keep: newest revision, running first.</summary>
    public static ManagedContainer Current(IEnumerable<ManagedContainer> copies) =>
        copies.OrderByDescending(c => c.Revision).ThenByDescending(c => c.IsRunning).ThenBy(c => c.Id, StringComparer.Ordinal).First();
}
