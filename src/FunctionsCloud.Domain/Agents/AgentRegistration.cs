using System.Text.Json.Serialization;

namespace FunctionsCloud.Domain.Agents;

/// <summary>What an agent sends once, with its one-time token, to become a node.</summary>
/// <param name="HostKey">
/// A random key the agent keeps in its state directory from before its first attempt: a retry with the same token
/// and key (its first answer was lost) gets the same node again; another host replaying the token is refused.
/// </param>
public sealed record AgentRegistrationRequest(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("hostname")] string? Hostname,
    [property: JsonPropertyName("inventory")] NodeInventory? Inventory,
    [property: JsonPropertyName("host_key")] string? HostKey = null);

/// <summary>The node's identity, handed to the agent once. The secret is never shown again.</summary>
/// <param name="Lease">To echo with the first heartbeat (see <see cref="HeartbeatResponse.Lease"/>).</param>
public sealed record AgentRegistrationResponse(
    [property: JsonPropertyName("uuid")] Guid Uuid,
    [property: JsonPropertyName("node_secret")] string NodeSecret,
    [property: JsonPropertyName("heartbeat_interval")] int HeartbeatIntervalSeconds,
    [property: JsonPropertyName("lease")] string? Lease = null);
