using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Client.Requests;

/// <summary>A new service; null fields take the API's defaults.</summary>
public sealed record CreateServiceRequest
{
    public required string ImageName { get; init; }
    public string? Name { get; init; }
    public int? TargetNumContainers { get; init; }
    public string? DeploymentStrategy { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
    public IReadOnlyList<ContainerPort>? ContainerPorts { get; init; }
    public IReadOnlyList<EnvironmentVariable>? ContainerEnvvars { get; init; }
    public IReadOnlyList<LinkRequest>? LinkedToService { get; init; }
    public string? RunCommand { get; init; }
    public string? Entrypoint { get; init; }
    public string? Autorestart { get; init; }
    public string? Autodestroy { get; init; }
    public bool? SequentialDeployment { get; init; }
}

/// <summary>Links the service under <see cref="Name"/> (an alias) to the service at <see cref="ToService"/>.</summary>
public sealed record LinkRequest(string Name, string ToService);

public sealed record ScaleServiceRequest(int TargetNumContainers);
