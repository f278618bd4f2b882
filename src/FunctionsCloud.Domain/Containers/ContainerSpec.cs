using System.Text.Json.Serialization;
using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Domain.Containers;

/// <summary>
/// How one container is run: the service's runtime fields as they were when the container was deployed or
/// redeployed, with the link variables and host aliases resolved then (each variable marked with its origin).
/// The fields after <see cref="Autodestroy"/> came later: specs stored before them read as their defaults.
/// </summary>
public sealed record ContainerSpec(
    [property: JsonPropertyName("image")] string Image,
    [property: JsonPropertyName("command")] IReadOnlyList<string>? Command,
    [property: JsonPropertyName("entrypoint")] IReadOnlyList<string>? Entrypoint,
    [property: JsonPropertyName("working_dir")] string? WorkingDir,
    [property: JsonPropertyName("env")] IReadOnlyList<EnvironmentVariable> Environment,
    [property: JsonPropertyName("ports")] IReadOnlyList<ContainerPort> Ports,
    [property: JsonPropertyName("extra_hosts")] IReadOnlyList<HostAlias> ExtraHosts,
    [property: JsonPropertyName("memory")] long? MemoryMb,
    [property: JsonPropertyName("cpu_shares")] long? CpuShares,
    [property: JsonPropertyName("autorestart")] Autorestart Autorestart,
    [property: JsonPropertyName("autodestroy")] Autodestroy Autodestroy,
    [property: JsonPropertyName("privileged")] bool Privileged = false,
    [property: JsonPropertyName("net")] NetworkMode Net = NetworkMode.Bridge,
    [property: JsonPropertyName("pid")] PidMode Pid = PidMode.None,
    [property: JsonPropertyName("bindings")] IReadOnlyList<ServiceBinding>? Bindings = null)
{
    /// <summary>The service's own variables (what container_envvars shows).</summary>
    [JsonIgnore]
    public IEnumerable<EnvironmentVariable> UserEnvironment => (Environment ?? []).Where(v => v.Source == EnvironmentOrigin.User);
}
