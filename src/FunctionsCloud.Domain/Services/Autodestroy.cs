using System.Text.Json.Serialization;
using FunctionsCloud.Domain.States;

namespace FunctionsCloud.Domain.Services;

/// <summary>Whether a container that exits is terminated (and the service's target lowered by one).</summary>
[JsonConverter(typeof(ApiNameJsonConverter))]
public enum Autodestroy
{
    [ApiName("OFF")] Off,

    /// <summary>Only when it exits with code 0.</summary>
    [ApiName("ON_SUCCESS")] OnSuccess,

    /// <summary>Whatever its exit code.</summary>
    [ApiName("ALWAYS")] Always,
}
