using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Domain.Placement;

/// <summary>What placement needs of a service: its strategy, the tags a node must carry, and the host ports it fixes.</summary>
public sealed record PlacementRequirements(DeploymentStrategy Strategy, IReadOnlyCollection<string> Tags, IReadOnlyCollection<HostPort> FixedHostPorts)
{
    public static PlacementRequirements Of(Service service) =>
        new(service.DeploymentStrategy, service.Tags, HostPort.FixedBy(service.ContainerPorts));
}
