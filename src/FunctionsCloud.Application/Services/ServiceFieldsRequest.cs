using FunctionsCloud.Application.Api;

namespace FunctionsCloud.Application.Services;

/// <summary>
/// The fields that both creating and patching a service may give, as Docker Cloud clients send them (null: not
/// given). Enumerations travel as their wire names and are checked by <see cref="ServiceFieldReader"/>, so that a
/// bad one is a 400 naming its field.
/// </summary>
public abstract record ServiceFieldsRequest
{
    public string? ImageName { get; init; }
    public string? Nickname { get; init; }
    public int? TargetNumContainers { get; init; }
    public string? DeploymentStrategy { get; init; }
    public IReadOnlyList<TagResource>? Tags { get; init; }
    public IReadOnlyList<ContainerPortRequest?>? ContainerPorts { get; init; }
    public IReadOnlyList<EnvironmentVariableRequest?>? ContainerEnvvars { get; init; }
    public IReadOnlyList<ServiceLinkRequest?>? LinkedToService { get; init; }

    /// <summary>One string, split like a shell would; "" gives the image's own back.</summary>
    public string? RunCommand { get; init; }

    /// <summary>One string, split like a shell would; "" gives the image's own back.</summary>
    public string? Entrypoint { get; init; }

    public string? WorkingDir { get; init; }
    public long? Memory { get; init; }
    public long? CpuShares { get; init; }
    public string? Autorestart { get; init; }
    public string? Autodestroy { get; init; }
    public bool? Autoredeploy { get; init; }
    public bool? SequentialDeployment { get; init; }

    public bool? Privileged { get; init; }

    /// <summary>bridge or host.</summary>
    public string? Net { get; init; }

    /// <summary>none or host.</summary>
    public string? Pid { get; init; }

    /// <summary>Volumes; volumes_from names are resolved apart, like links: they need the store.</summary>
    public IReadOnlyList<ServiceBindingRequest?>? Bindings { get; init; }

    /// <summary>Docker Cloud's API roles for the containers; none are offered, so only [] is accepted.</summary>
    public IReadOnlyList<string>? Roles { get; init; }
}
