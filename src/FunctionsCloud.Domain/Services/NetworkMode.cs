using System.Text.Json.Serialization;
using FunctionsCloud.Domain.States;

namespace FunctionsCloud.Domain.Services;

/// <summary>The network a service's containers join: the engine's bridge (default) or the node's own network stack.</summary>
[JsonConverter(typeof(ApiNameJsonConverter))]
public enum NetworkMode
{
    [ApiName("bridge")] Bridge,
    [ApiName("host")] Host,
}
