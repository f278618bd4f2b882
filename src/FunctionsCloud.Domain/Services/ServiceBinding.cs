using System.Text.Json.Serialization;

namespace FunctionsCloud.Domain.Services;

/// <summary>
/// One entry of a service's bindings, one of three kinds: a named volume of each container's own
/// (<see cref="ContainerPath"/> only), a directory of the node (<see cref="HostPath"/> at <see cref="ContainerPath"/>),
/// or every volume of another service's containers (<see cref="VolumesFrom"/>, that service's uuid).
/// </summary>
public sealed record ServiceBinding(
    [property: JsonPropertyName("host_path")] string? HostPath,
    [property: JsonPropertyName("container_path")] string? ContainerPath,
    [property: JsonPropertyName("rewritable")] bool Rewritable,
    [property: JsonPropertyName("volumes_from")] Guid? VolumesFrom)
{
    public static ServiceBinding Volume(string containerPath) => new(null, containerPath, true, null);

    public static ServiceBinding Host(string hostPath, string containerPath, bool rewritable) => new(hostPath, containerPath, rewritable, null);

    public static ServiceBinding From(Guid service) => new(null, null, true, service);

    [JsonIgnore]
    public bool IsNamedVolume => HostPath is null && VolumesFrom is null;
}
