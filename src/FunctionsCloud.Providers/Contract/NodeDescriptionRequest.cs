namespace FunctionsCloud.Providers.Contract;

public sealed record NodeDescriptionRequest(Guid? ClusterUuid, string Region, IReadOnlyList<ProvisionedNode> Nodes, ProviderAccount? Account = null);
