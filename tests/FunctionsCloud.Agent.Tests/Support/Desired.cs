using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Agent.Tests.Support;

/// <summary>Desired containers for tests: busybox's web server unless a spec says otherwise.</summary>
public static class Desired
{
    public static readonly Guid ServiceUuid = Guid.NewGuid();

    public static DesiredContainer Container(string name, ContainerSpec? spec = null, bool running = true, int revision = 1) =>
        new(Guid.NewGuid(), name, ServiceUuid, running, revision, spec ?? Spec());

    public static ContainerSpec Spec(params ContainerPort[] ports) =>
        new(DockerTestNode.Image, null, null, null, [], ports, [], null, null, Autorestart.Off, Autodestroy.Off);

    public static ContainerPort Published(int inner, int? outer = null) => new(ContainerPort.Tcp, inner, outer, Published: true);

    public static ContainerPort Exposed(int inner) => new(ContainerPort.Tcp, inner, null, Published: false);
}
