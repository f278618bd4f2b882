using System.Text.Json.Serialization;

namespace FunctionsCloud.Agent.Identity;

/// <summary>Who this agent is to the control plane: the node it became at registration, and its secret.</summary>
public sealed record NodeIdentity(
    [property: JsonPropertyName("uuid")] Guid Uuid,
    [property: JsonPropertyName("node_secret")] string NodeSecret)
{
    /// <summary>Never print the secret.</summary>
    public override string ToString() => $"NodeIdentity {{ Uuid = {Uuid} }}";
}
