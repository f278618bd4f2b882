namespace FunctionsCloud.Providers.Contract;

/// <param name="ProviderOptions">The cluster's provider_options as JSON, or null.</param>
/// <param name="Account">The user's linked account, for providers that need one.</param>
public sealed record NodeCreationRequest(
    Guid ClusterUuid,
    string ClusterName,
    string Region,
    string NodeType,
    int DiskGb,
    string? ProviderOptions,
    IReadOnlyList<NodeToCreate> Nodes,
    ProviderAccount? Account = null);

/// <summary>A node to bring up, and what its agent needs to register itself.</summary>
public sealed record NodeToCreate(Guid NodeUuid, AgentBootstrap Bootstrap);

/// <summary>The control plane's address and the node's one-time registration token.</summary>
public sealed record AgentBootstrap(string ApiUrl, string RegistrationToken)
{
    public override string ToString() => $"AgentBootstrap {{ ApiUrl = {ApiUrl}, RegistrationToken = (hidden) }}";
}
