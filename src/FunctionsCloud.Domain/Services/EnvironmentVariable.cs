using System.Text.Json.Serialization;

namespace FunctionsCloud.Domain.Services;

/// <summary>One entry of container_envvars.</summary>
public sealed record EnvironmentVariable(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("value")] string Value);
