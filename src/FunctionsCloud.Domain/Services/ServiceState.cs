using FunctionsCloud.Domain.States;

namespace FunctionsCloud.Domain.Services;

/// <summary>Docker Cloud's service states, by their wire names.</summary>
public enum ServiceState
{
    [ApiName("Not running")] NotRunning,
    [ApiName("Starting")] Starting,
    [ApiName("Running")] Running,
    [ApiName("Partly running")] PartlyRunning,
    [ApiName("Scaling")] Scaling,
    [ApiName("Redeploying")] Redeploying,
    [ApiName("Stopping")] Stopping,
    [ApiName("Stopped")] Stopped,
    [ApiName("Terminating")] Terminating,
    [ApiName("Terminated")] Terminated,
}
