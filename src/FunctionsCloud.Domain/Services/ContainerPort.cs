using System.Text.Json.Serialization;

namespace FunctionsCloud.Domain.Services;

/// <summary>
/// A port of the service's containers. Published ports are bound on the node: at <see cref="OuterPort"/> when
/// given, else at a port the engine picks (reported back per container).
/// </summary>
public sealed record ContainerPort(
    [property: JsonPropertyName("protocol")] string Protocol,
    [property: JsonPropertyName("inner_port")] int InnerPort,
    [property: JsonPropertyName("outer_port")] int? OuterPort,
    [property: JsonPropertyName("published")] bool Published)
{
    public const string Tcp = "tcp";
    public const string Udp = "udp";
}
