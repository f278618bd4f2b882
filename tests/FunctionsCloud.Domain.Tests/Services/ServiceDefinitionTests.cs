using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Domain.Tests.Services;

public sealed class ServiceDefinitionTests
{
    private static readonly Service Web = new()
    {
        Uuid = Guid.NewGuid(), Namespace = "ns", Name = "web", ImageName = "busybox",
        ContainerEnvvars = [new("MODE", "fast")], Bindings = [ServiceBinding.Volume("/data")], Privileged = true,
    };

    private static ContainerSpec SpecOf(Service s) =>
        new(s.ImageName, s.RunCommand, s.Entrypoint, s.WorkingDir, [.. s.ContainerEnvvars.Select(v => v.From(EnvironmentOrigin.User)), new("DB_PORT", "tcp://x:1", EnvironmentOrigin.Tutum)],
            s.ContainerPorts, [], s.Memory, s.CpuShares, s.Autorestart, s.Autodestroy, s.Privileged, s.Net, s.Pid, [.. s.Bindings]);

    [Fact]
    public void A_spec_made_from_the_service_runs_it_whatever_link_variables_it_got() =>
        Assert.True(ServiceDefinition.IsRunBy(Web, SpecOf(Web)));

    [Fact]
    public void A_change_to_any_runtime_field_makes_the_spec_older()
    {
        var spec = SpecOf(Web);
        foreach (var changed in new[]
                 {
                     spec with { Image = "busybox:2" }, spec with { Privileged = false }, spec with { Net = NetworkMode.Host },
                     spec with { Pid = PidMode.Host }, spec with { Bindings = [] }, spec with { Environment = [new("MODE", "slow")] },
                     spec with { MemoryMb = 64 },
                 })
            Assert.False(ServiceDefinition.IsRunBy(Web, changed), changed.ToString());
    }
}
