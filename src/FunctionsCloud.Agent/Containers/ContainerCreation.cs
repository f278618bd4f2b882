using Docker.DotNet.Models;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.States;
using ContainerSpec = FunctionsCloud.Domain.Containers.ContainerSpec;

namespace FunctionsCloud.Agent.Containers;

/// <summary>What the engine is asked to create for a desired container: its spec, labelled as the node's, under an engine-unique name.</summary>
public static class ContainerCreation
{
    private const long BytesPerMb = 1024L * 1024;

    /// <param name="mounts">The container's named volumes and host paths (<see cref="ContainerVolumes.PrepareAsync"/>).</param>
    /// <param name="volumesFrom">The engine's ids of the containers whose volumes it mounts.</param>
    public static CreateContainerParameters Parameters(Guid nodeUuid, DesiredContainer desired, IList<Mount>? mounts = null, IList<string>? volumesFrom = null)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var spec = desired.Spec;
        var ports = spec.Ports ?? [];
        return new CreateContainerParameters
        {
            Name = DockerNames.For(desired.Name, desired.Uuid),
            Image = spec.Image,
            Labels = ContainerLabels.For(nodeUuid, desired),
            Env = [.. (spec.Environment ?? []).Select(e => $"{e.Key}={e.Value}")],
            // Null keeps the image's own command and entrypoint.
            Cmd = NullWhenEmpty(spec.Command),
            Entrypoint = NullWhenEmpty(spec.Entrypoint),
            WorkingDir = string.IsNullOrWhiteSpace(spec.WorkingDir) ? null : spec.WorkingDir,
            ExposedPorts = PortMappings.Exposed(ports),
            HostConfig = HostConfig(spec, mounts ?? [], volumesFrom ?? []),
        };
    }

    private static HostConfig HostConfig(ContainerSpec spec, IList<Mount> mounts, IList<string> volumesFrom) => new()
    {
        Privileged = spec.Privileged,
        NetworkMode = ApiNames.Of(spec.Net),
        // The engine's default is a namespace of the container's own, which it names by leaving the mode empty.
        PidMode = spec.Pid == PidMode.Host ? "host" : null,
        Mounts = mounts.Count > 0 ? mounts : null,
        VolumesFrom = volumesFrom.Count > 0 ? volumesFrom : null,
        PortBindings = PortMappings.Bindings(spec.Ports ?? []),
        ExtraHosts = [.. (spec.ExtraHosts ?? []).Select(h => $"{h.Name}:{h.Address}")],
        Memory = spec.MemoryMb is { } mb and > 0 ? mb * BytesPerMb : 0,
        CPUShares = spec.CpuShares is { } shares and > 0 ? shares : 0,
        RestartPolicy = RestartPolicies.For(spec.Autorestart),
        // The agent reads the output back through the engine (its log blobs); the files on the node stay bounded.
        LogConfig = new LogConfig { Type = "json-file", Config = new Dictionary<string, string> { ["max-size"] = "10m", ["max-file"] = "3" } },
    };

    private static List<string>? NullWhenEmpty(IReadOnlyList<string>? values) => values is { Count: > 0 } ? [.. values] : null;
}
