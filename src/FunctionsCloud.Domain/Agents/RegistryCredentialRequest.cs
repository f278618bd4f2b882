using System.Text.Json.Serialization;

namespace FunctionsCloud.Domain.Agents;

/// <param name="Image">The image the agent must pull, as its node's desired container names it.</param>
public sealed record RegistryCredentialRequest([property: JsonPropertyName("image")] string? Image);
