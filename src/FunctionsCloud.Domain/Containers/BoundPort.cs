using System.Text.Json.Serialization;

namespace FunctionsCloud.Domain.Containers;

/// <summary>A container port as the engine bound it: the host port actually taken (null when not published).</summary>
public sealed record BoundPort(
    [property: JsonPropertyName("protocol")] string Protocol,
    [property: JsonPropertyName("inner_port")] int InnerPort,
    [property: JsonPropertyName("outer_port")] int? OuterPort);
