using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Storage.Tests.Support;

namespace FunctionsCloud.Storage.Tests.Containers;

/// <summary>Containers with every property set to something other than its default.</summary>
internal static class ContainerSamples
{
    public static ContainerSpec Spec() => new(
        Image: "functionscloud/busybox:latest",
        Command: ["httpd", "-f", "-p", "80"],
        Entrypoint: ["/bin/sh", "-c"],
        WorkingDir: "/www",
        Environment: [new EnvironmentVariable("DB_1_PORT_5432_TCP", "tcp://10.0.0.7:5432", EnvironmentOrigin.Tutum), new EnvironmentVariable("NOTE", "ünïcode \"quoted\"", EnvironmentOrigin.User)],
        Ports: [new ContainerPort(ContainerPort.Tcp, 80, null, true)],
        ExtraHosts: [new HostAlias("db", "10.0.0.7"), new HostAlias("db-1", "10.0.0.7")],
        MemoryMb: 128,
        CpuShares: 256,
        Autorestart: Autorestart.OnFailure,
        Autodestroy: Autodestroy.Always,
        Privileged: true,
        Net: NetworkMode.Host,
        Pid: PidMode.Host,
        Bindings: [ServiceBinding.Volume("/data"), ServiceBinding.Host("/srv/www", "/www", rewritable: false), ServiceBinding.From(Guid.NewGuid())]);

    public static Container Container(
        string @namespace = Samples.Namespace,
        Guid? service = null,
        string serviceName = "web",
        int number = 1,
        Guid? node = null,
        ContainerState state = ContainerState.Running,
        Guid? uuid = null)
    {
        var container = new Container
        {
            Uuid = uuid ?? Guid.NewGuid(),
            Namespace = @namespace,
            ServiceUuid = service ?? Guid.NewGuid(),
            ServiceName = serviceName,
            Number = number,
            NodeUuid = node ?? Guid.NewGuid(),
            Desired = ContainerDesire.Stopped,
            Revision = 3,
            ReportedRevision = 2,
            Intent = 4,
            Spec = Spec(),
            VolumeSet = 2,
            ExitCode = 137,
            ExitCodeMsg = "Killed",
            DockerId = "4f1c2d3e5a6b",
            PrivateIp = "10.0.0.8",
            Ports = [new BoundPort(ContainerPort.Tcp, 80, 32768), new BoundPort(ContainerPort.Udp, 53, null)],
            ImageEnvironment = [new EnvironmentVariable("PATH", "/usr/bin:/bin", EnvironmentOrigin.Image)],
            CreatedDatetime = Samples.At(1),
            StartedDatetime = Samples.At(2),
            StoppedDatetime = Samples.At(3),
            DestroyedDatetime = Samples.At(4),
        };
        container.Restore(state);
        return container;
    }

    /// <summary>Only what a container must have: everything else at its default, the spec without optional parts.</summary>
    public static Container Bare(string @namespace = Samples.Namespace) => new()
    {
        Uuid = Guid.NewGuid(),
        Namespace = @namespace,
        ServiceUuid = Guid.NewGuid(),
        ServiceName = "bare",
        Number = 1,
        NodeUuid = Guid.NewGuid(),
        Spec = new ContainerSpec("busybox", null, null, null, [], [], [], null, null, Autorestart.Off, Autodestroy.Off),
    };

    /// <summary>Compares containers field by field, the spec by its parts (its lists compare by reference).</summary>
    public static void AssertEqual(Container expected, Container? actual)
    {
        Assert.NotNull(actual);
        PropertyAssert.AllEqual(expected, actual, nameof(Domain.Containers.Container.Spec));
        PropertyAssert.AllEqual(expected.Spec, actual.Spec);
    }
}
