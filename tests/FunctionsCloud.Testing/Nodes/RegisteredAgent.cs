namespace FunctionsCloud.Testing.Nodes;

/// <summary>What an agent holds after registering: its node, its secret, and the lease for its first heartbeat.</summary>
public sealed record RegisteredAgent(string Namespace, Guid NodeUuid, string NodeSecret, string? Lease)
{
    public string NodeUri => $"/api/infra/v1/node/{NodeUuid:D}/";
}
