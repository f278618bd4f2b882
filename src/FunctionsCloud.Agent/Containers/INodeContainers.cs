using FunctionsCloud.Domain.Agents;

namespace FunctionsCloud.Agent.Containers;

/// <summary>The containers the agent manages on its node's engine.</summary>
public interface INodeContainers
{
    /// <summary>Every container labelled as the node's, plus those being made or that failed; null when no engine answers. Never throws for an absent engine.</summary>
    Task<IReadOnlyList<ReportedContainer>?> ReportAsync(Guid nodeUuid, CancellationToken cancellationToken);

    /// <summary>The control plane accepted a heartbeat with this report: what it had to be told once (image variables) is not sent again.</summary>
    void Delivered(IReadOnlyList<ReportedContainer> report)
    {
    }

    /// <summary>Brings the node's containers in line with the desired list. Throws only when the engine cannot be asked at all.</summary>
    /// <param name="pullCredentials">Asked for the credentials of each image that must be pulled.</param>
    Task ReconcileAsync(Guid nodeUuid, IReadOnlyList<DesiredContainer> desired, IPullCredentials pullCredentials, CancellationToken cancellationToken);

    /// <summary>The same, every image pulled without credentials.</summary>
    Task ReconcileAsync(Guid nodeUuid, IReadOnlyList<DesiredContainer> desired, CancellationToken cancellationToken) =>
        ReconcileAsync(nodeUuid, desired, NoPullCredentials.Instance, cancellationToken);
}
