using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Placement;
using FunctionsCloud.Domain.Services;
using static FunctionsCloud.Domain.Tests.Placement.TestContainers;

namespace FunctionsCloud.Domain.Tests.Placement;

public class HostPortTests
{
    [Fact]
    public void A_service_fixes_only_its_published_ports_with_an_outer_port()
    {
        ContainerPort[] ports = [new("TCP", 80, 8080, true), new(ContainerPort.Tcp, 443, null, true), new(ContainerPort.Udp, 53, 53, false)];

        Assert.Equal([new HostPort("tcp", 8080)], HostPort.FixedBy(ports));
    }

    [Fact]
    public void A_container_holds_its_reported_host_ports_and_its_fixed_ones()
    {
        var container = Numbered(1, Guid.NewGuid(), ports: [new(ContainerPort.Tcp, 80, 8080, true), new(ContainerPort.Tcp, 22, null, true)]);
        container.Ports = [new BoundPort(ContainerPort.Tcp, 22, 32768), new BoundPort(ContainerPort.Tcp, 80, 8080)];

        Assert.Equal([new HostPort("tcp", 32768), new HostPort("tcp", 8080)], HostPort.HeldBy(container));
    }

    [Fact]
    public void Protocols_compare_without_case_and_print_docker_style()
    {
        Assert.Equal(new HostPort("tcp", 80), new HostPort("TCP", 80));
        Assert.Equal("80/tcp", new HostPort("TCP", 80).ToString());
    }

    [Fact]
    public void A_service_tells_placement_its_strategy_tags_and_fixed_ports()
    {
        var service = new Service
        {
            Uuid = Guid.NewGuid(),
            Namespace = "alice",
            Name = "web",
            ImageName = "functionscloud/busybox",
            DeploymentStrategy = DeploymentStrategy.HighAvailability,
            Tags = ["eu"],
            ContainerPorts = [new(ContainerPort.Tcp, 80, 80, true)],
        };

        var requirements = PlacementRequirements.Of(service);

        Assert.Equal((DeploymentStrategy.HighAvailability, "eu"), (requirements.Strategy, requirements.Tags.Single()));
        Assert.Equal([new HostPort("tcp", 80)], requirements.FixedHostPorts);
    }
}
