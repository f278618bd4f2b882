using FunctionsCloud.Domain.States;

namespace FunctionsCloud.Domain.Containers;

/// <summary>Docker Cloud's container states, by their wire names.</summary>
public enum ContainerState
{
    [ApiName("Starting")] Starting,
    [ApiName("Running")] Running,
    [ApiName("Stopping")] Stopping,
    [ApiName("Stopped")] Stopped,
    [ApiName("Terminating")] Terminating,
    [ApiName("Terminated")] Terminated,
}
