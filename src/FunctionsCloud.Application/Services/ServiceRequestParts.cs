namespace FunctionsCloud.Application.Services;

/// <summary>One entry of container_ports. Protocol defaults to tcp; published defaults to whether an outer port is given.</summary>
public sealed record ContainerPortRequest(string? Protocol, int? InnerPort, int? OuterPort, bool? Published);

/// <summary>One entry of container_envvars.</summary>
public sealed record EnvironmentVariableRequest(string? Key, string? Value);

/// <summary>One entry of linked_to_service: the service (uuid or resource_uri) and the alias (name, default: its name).</summary>
public sealed record ServiceLinkRequest(string? Name, string? ToService);

/// <summary>
/// One entry of bindings: container_path alone (a named volume per container), host_path with container_path and
/// rewritable (default true), or volumes_from (another service of the namespace by resource_uri, uuid or name).
/// </summary>
public sealed record ServiceBindingRequest(string? HostPath, string? ContainerPath, bool? Rewritable, string? VolumesFrom);
