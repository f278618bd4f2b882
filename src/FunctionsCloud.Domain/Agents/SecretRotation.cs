using System.Text.Json.Serialization;

namespace FunctionsCloud.Domain.Agents;

/// <summary>
/// The answer to a rotation (POST /api/agent/v1/rotate/ with the current secret): the node's new secret, which
/// replaces the old one at once (the old one is refused from now on), and a lease that goes with it (none while
/// the node is Unreachable: its next heartbeat brings it back first).
/// </summary>
public sealed record SecretRotationResponse(
    [property: JsonPropertyName("uuid")] Guid Uuid,
    [property: JsonPropertyName("node_secret")] string NodeSecret,
    [property: JsonPropertyName("lease")] string? Lease);
