using System.Text.Json.Serialization;

namespace FunctionsCloud.Domain.Services;

/// <summary>One entry of container_envvars; in a container's spec, <see cref="Origin"/> says where it comes from (none: the service's own).</summary>
public sealed record EnvironmentVariable(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("origin"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] EnvironmentOrigin? Origin = null)
{
    /// <summary>The origin, where none was recorded: the service's own (specs written before origins were kept mixed them in too).</summary>
    [JsonIgnore]
    public EnvironmentOrigin Source => Origin ?? EnvironmentOrigin.User;

    public EnvironmentVariable From(EnvironmentOrigin origin) => this with { Origin = origin };
}
