using System.Text.Json.Serialization;
using FunctionsCloud.Domain.States;

namespace FunctionsCloud.Domain.Services;

/// <summary>The process namespace of a service's containers: their own (none, the default) or the node's.</summary>
[JsonConverter(typeof(ApiNameJsonConverter))]
public enum PidMode
{
    [ApiName("none")] None,
    [ApiName("host")] Host,
}
