using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.States;

namespace FunctionsCloud.Application.Services;

/// <summary>One entry of container_envvars or calculated_envvars, with where it comes from (user, image or tutum).</summary>
public sealed record EnvironmentVariableResource(string Key, string Value, string Origin)
{
    public static IReadOnlyList<EnvironmentVariableResource> From(IEnumerable<EnvironmentVariable> variables) =>
        variables.Select(v => new EnvironmentVariableResource(v.Key, v.Value, ApiNames.Of(v.Source))).ToList();

    /// <summary>
    /// What a container gets: the image's variables overridden by the container's own (the service's and the link
    /// and injected ones), each key once, the last given winning, as the engine applies them.
    /// </summary>
    public static IReadOnlyList<EnvironmentVariableResource> Calculated(IEnumerable<EnvironmentVariable> image, IEnumerable<EnvironmentVariable> container) =>
        From(image.Concat(container).GroupBy(v => v.Key, StringComparer.Ordinal).Select(g => g.Last()));
}
