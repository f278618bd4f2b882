using System.Text.Json.Serialization;
using FunctionsCloud.Domain.States;

namespace FunctionsCloud.Domain.Services;

/// <summary>Whether the node's Docker engine restarts a container that exits (its restart policy).</summary>
[JsonConverter(typeof(ApiNameJsonConverter))]
public enum Autorestart
{
    [ApiName("OFF")] Off,
    [ApiName("ON_FAILURE")] OnFailure,
    [ApiName("ALWAYS")] Always,
}
