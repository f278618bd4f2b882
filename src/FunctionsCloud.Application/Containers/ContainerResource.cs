using FunctionsCloud.Application.Services;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.States;
using Uris = FunctionsCloud.Domain.Resources.ResourceUris;

namespace FunctionsCloud.Application.Containers;

/// <summary>
/// A container in Docker Cloud's shape: the runtime fields it was deployed with (its spec: container_envvars the service's own, calculated_envvars with its image's, the link variables and the injected ones),
/// where it runs, and what its node's agent last reported (state, exit code, address, bound ports, Docker id).
/// </summary>
public sealed record ContainerResource(
    Guid Uuid,
    string ResourceUri,
    string Name,
    string Node,
    string Service,
    string State,
    int? ExitCode,
    string? ExitCodeMsg,
    string? PrivateIp,
    string? PublicDns,
    string? DockerId,
    string ImageName,
    string? RunCommand,
    string? Entrypoint,
    string? WorkingDir,
    IReadOnlyList<ContainerPort> ContainerPorts,
    IReadOnlyList<EnvironmentVariableResource> ContainerEnvvars,
    IReadOnlyList<EnvironmentVariableResource> CalculatedEnvvars,
    long? Memory,
    long? CpuShares,
    string Autorestart,
    string Autodestroy,
    bool Privileged,
    string Net,
    string Pid,
    IReadOnlyList<BindingResource> Bindings,
    DateTimeOffset? StartedDatetime,
    DateTimeOffset? StoppedDatetime,
    DateTimeOffset? DeployedDatetime,
    DateTimeOffset? DestroyedDatetime)
{
    public static ContainerResource From(Container container)
    {
        var spec = container.Spec;
        return new ContainerResource(
            container.Uuid, Uris.Container(container.Uuid), container.Name, Uris.Node(container.NodeUuid), Uris.Service(container.ServiceUuid),
            ApiNames.Of(container.State), container.ExitCode, container.ExitCodeMsg, container.PrivateIp, PublicDns: null, container.DockerId,
            spec.Image, ServiceResource.Command(spec.Command), ServiceResource.Command(spec.Entrypoint), spec.WorkingDir,
            spec.Ports.Select(p => Bound(p, container.Ports)).ToList(), EnvironmentVariableResource.From(spec.UserEnvironment), EnvironmentVariableResource.Calculated(container.ImageEnvironment, spec.Environment ?? []),
            spec.MemoryMb, spec.CpuShares, ApiNames.Of(spec.Autorestart), ApiNames.Of(spec.Autodestroy),
            spec.Privileged, ApiNames.Of(spec.Net), ApiNames.Of(spec.Pid), BindingResource.From(spec.Bindings),
            container.StartedDatetime, container.StoppedDatetime, container.CreatedDatetime, container.DestroyedDatetime);
    }

    /// <summary>A published port with the host port the engine bound (reported by the agent), where known.</summary>
    private static ContainerPort Bound(ContainerPort port, IReadOnlyList<BoundPort> bound) =>
        port.Published && bound.FirstOrDefault(b => b.InnerPort == port.InnerPort && b.OuterPort is not null
            && string.Equals(b.Protocol, port.Protocol, StringComparison.OrdinalIgnoreCase)) is { } taken
            ? port with { OuterPort = taken.OuterPort }
            : port;
}
