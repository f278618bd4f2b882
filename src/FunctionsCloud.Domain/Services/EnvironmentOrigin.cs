using System.Text.Json.Serialization;
using FunctionsCloud.Domain.States;

namespace FunctionsCloud.Domain.Services;

/// <summary>
/// Where a variable a container gets comes from, as Docker Cloud's calculated_envvars said: the service's own
/// (user), the image's configuration (image), or the platform (tutum: link variables and the ones it injects).
/// </summary>
[JsonConverter(typeof(ApiNameJsonConverter))]
public enum EnvironmentOrigin
{
    [ApiName("user")] User,
    [ApiName("image")] Image,
    [ApiName("tutum")] Tutum,
}
