using FunctionsCloud.Domain.Services;
using Uris = FunctionsCloud.Domain.Resources.ResourceUris;

namespace FunctionsCloud.Application.Services;

/// <summary>One entry of bindings in Docker Cloud's shape: volumes_from as the other service's resource URI.</summary>
public sealed record BindingResource(string? HostPath, string? ContainerPath, bool Rewritable, string? VolumesFrom)
{
    public static IReadOnlyList<BindingResource> From(IEnumerable<ServiceBinding>? bindings) =>
        (bindings ?? []).Select(b => new BindingResource(b.HostPath, b.ContainerPath, b.Rewritable, b.VolumesFrom is { } from ? Uris.Service(from) : null)).ToList();
}
