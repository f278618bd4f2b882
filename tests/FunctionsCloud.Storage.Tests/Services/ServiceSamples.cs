using FunctionsCloud.Domain.Placement;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Storage.Tests.Support;

namespace FunctionsCloud.Storage.Tests.Services;

/// <summary>Services with every property set to something other than its default.</summary>
internal static class ServiceSamples
{
    public static Service Service(
        string @namespace = Samples.Namespace,
        string name = "web",
        string image = "functionscloud/busybox:latest",
        ServiceState state = ServiceState.PartlyRunning,
        DeploymentStrategy strategy = DeploymentStrategy.HighAvailability)
    {
        var service = new Service
        {
            Uuid = Guid.NewGuid(),
            Namespace = @namespace,
            Name = name,
            Nickname = "Web front",
            ImageName = image,
            TargetNumContainers = 3,
            DeploymentStrategy = strategy,
            Tags = ["web", "zone=\"eu\""],
            ContainerPorts = [new ContainerPort(ContainerPort.Tcp, 80, 8080, true), new ContainerPort(ContainerPort.Udp, 53, null, false)],
            ContainerEnvvars = [new EnvironmentVariable("GREETING", "héllo \"world\""), new EnvironmentVariable("EMPTY", "")],
            LinkedToService = [new ServiceLink("db", Guid.NewGuid())],
            RunCommand = ["httpd", "-f", "-p", "80"],
            Entrypoint = ["/bin/sh", "-c"],
            WorkingDir = "/www",
            Memory = 256,
            CpuShares = 512,
            Autorestart = Autorestart.OnFailure,
            Autodestroy = Autodestroy.OnSuccess,
            Autoredeploy = true,
            SequentialDeployment = true,
            Privileged = true,
            Net = NetworkMode.Host,
            Pid = PidMode.Host,
            Bindings = [ServiceBinding.Volume("/data"), ServiceBinding.Host("/srv/www", "/www", rewritable: false), ServiceBinding.From(Guid.NewGuid())],
            FreshVolumes = true,
            CreatedDatetime = Samples.At(1),
            DeployedDatetime = Samples.At(2),
            DestroyedDatetime = Samples.At(3),
            ActiveAction = Guid.NewGuid(),
            TriggerBody = "{\"tag\":\"v2\"}",
            StackUuid = Guid.NewGuid(),
            LeavingStack = true,
        };
        service.Restore(state);
        return service;
    }

    /// <summary>Only what a service must have: everything else at its default.</summary>
    public static Service Bare(string @namespace = Samples.Namespace) =>
        new() { Uuid = Guid.NewGuid(), Namespace = @namespace, Name = "bare", ImageName = "busybox" };
}
