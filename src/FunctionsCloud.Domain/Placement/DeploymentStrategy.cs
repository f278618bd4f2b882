using FunctionsCloud.Domain.States;

namespace FunctionsCloud.Domain.Placement;

/// <summary>How a service's containers are spread over the eligible nodes.</summary>
public enum DeploymentStrategy
{
    /// <summary>The eligible node with the fewest containers in total (the default).</summary>
    [ApiName("EMPTIEST_NODE")] EmptiestNode,

    /// <summary>The eligible node with the fewest containers of this service: spreads replicas.</summary>
    [ApiName("HIGH_AVAILABILITY")] HighAvailability,

    /// <summary>One container on each eligible node; not scaled by hand.</summary>
    [ApiName("EVERY_NODE")] EveryNode,
}
