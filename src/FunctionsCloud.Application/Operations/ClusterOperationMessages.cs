namespace FunctionsCloud.Application.Operations;

/// <summary>What the Begin activity tells the orchestrator: how far the cluster is from its target.</summary>
public sealed record ClusterOperationPlan(int TargetNumNodes, IReadOnlyList<LiveNode> LiveNodes, int RegistrationTimeoutSeconds, int BatchSize);

/// <summary>A node that counts towards the cluster, with what scale-down needs to choose among nodes.</summary>
public sealed record LiveNode(Guid Uuid, bool Deployed, int Containers, DateTimeOffset Created);

public sealed record NodeBatchInput(ClusterOperationInput Operation, IReadOnlyList<Guid> Nodes);

/// <summary>How the wait for new nodes' agents ended: who registered, who stayed silent and why that counts as failure.</summary>
public sealed record RegistrationResults(ClusterOperationInput Operation, IReadOnlyList<Guid> Registered, IReadOnlyList<Guid> Silent, string SilentReason);

public sealed record NodeOutcome(Guid NodeUuid, bool Succeeded);

public sealed record CompletionInput(ClusterOperationInput Operation, string? Failure);
