using FunctionsCloud.Domain.Containers;

namespace FunctionsCloud.Domain.Services;

/// <summary>
/// Whether a container runs its service's current definition (Docker Cloud's synchronized): the runtime fields its
/// spec was made from, compared field by field. What deploys resolve anew (link variables, host names, a trigger's
/// body) is no part of the definition.
/// </summary>
public static class ServiceDefinition
{
    public static bool IsRunBy(Service service, ContainerSpec spec) =>
        spec.Image == service.ImageName
        && Same(spec.Command, service.RunCommand)
        && Same(spec.Entrypoint, service.Entrypoint)
        && spec.WorkingDir == service.WorkingDir
        && spec.UserEnvironment.Select(v => (v.Key, v.Value)).SequenceEqual(service.ContainerEnvvars.Select(v => (v.Key, v.Value)))
        && (spec.Ports ?? []).SequenceEqual(service.ContainerPorts)
        && spec.MemoryMb == service.Memory
        && spec.CpuShares == service.CpuShares
        && spec.Autorestart == service.Autorestart
        && spec.Autodestroy == service.Autodestroy
        && spec.Privileged == service.Privileged
        && spec.Net == service.Net
        && spec.Pid == service.Pid
        && (spec.Bindings ?? []).SequenceEqual(service.Bindings);

    /// <summary>Every container that is to stay (not being removed) runs the service's current definition.</summary>
    public static bool IsSynchronized(Service service, IEnumerable<Container> containers) =>
        containers.Where(c => c.IsLive && c.Desired != ContainerDesire.Removed).All(c => IsRunBy(service, c.Spec));

    private static bool Same(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        a is null ? b is null : b is not null && a.SequenceEqual(b);
}
