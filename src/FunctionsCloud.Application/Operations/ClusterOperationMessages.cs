namespace FunctionsCloud.Application.Operations;

/// <summary>What the Begin activity tells the orchestrator: how far the cluster is from its target.</summary>
public sealed record ClusterOperationPlan(int TargetNumNodes, IReadOnlyList<LiveNode> LiveNodes, int RegistrationTimeoutSeconds, int BatchSize, int ProvisioningPollSeconds);

/// <summary>A node that counts towards the cluster, with what scale-down needs to choose among nodes.</summary>
public sealed record LiveNode(Guid Uuid, bool Deployed, int Containers, DateTimeOffset Created);

public sealed record NodeBatchInput(ClusterOperationInput Operation, IReadOnlyList<Guid> Nodes);

/// <summary>How the wait for new nodes' agents ended: who registered, who stayed silent and why that counts as failure.</summary>
public sealed record RegistrationResults(ClusterOperationInput Operation, IReadOnlyList<Guid> Registered, IReadOnlyList<Guid> Silent, string SilentReason);

public sealed record NodeOutcome(Guid NodeUuid, bool Succeeded);

/// <summary>Where a new node's machine stands: still being made, made, or given up on.</summary>
public enum ProvisioningOutcome
{
    Pending,
    Running,
    Failed,
}

public sealed record NodeProvisioningOutcome(Guid NodeUuid, ProvisioningOutcome State);

public sealed record CompletionInput(ClusterOperationInput Operation, string? Failure);
