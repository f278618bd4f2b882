namespace FunctionsCloud.Providers.Contract;

public sealed record NodeTerminationRequest(Guid? ClusterUuid, string Region, IReadOnlyList<ProvisionedNode> Nodes, ProviderAccount? Account = null);

/// <summary>A node as the provider knows it: <see cref="ProviderId"/> is null when creation never got that far.</summary>
public sealed record ProvisionedNode(Guid NodeUuid, string? ProviderId);
