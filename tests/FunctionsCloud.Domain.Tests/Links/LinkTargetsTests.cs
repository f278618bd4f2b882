using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Links;
using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Domain.Tests.Links;

public class LinkTargetsTests
{
    private static Container Container(IReadOnlyList<ContainerPort> specPorts, IReadOnlyList<BoundPort> bound, string? privateIp) => new()
    {
        Uuid = Guid.NewGuid(),
        Namespace = "alice",
        ServiceUuid = Guid.NewGuid(),
        ServiceName = "mysql",
        Number = 3,
        NodeUuid = Guid.NewGuid(),
        Spec = new("mysql:8", null, null, null, [new("MYSQL_DATABASE", "shop")], specPorts, [], null, null, Autorestart.Off, Autodestroy.Off),
        PrivateIp = privateIp,
        Ports = bound,
    };

    [Fact]
    public void A_published_container_is_reached_at_its_node_on_the_bound_host_ports_only()
    {
        var container = Container(
            [new(ContainerPort.Tcp, 3306, null, true), new(ContainerPort.Tcp, 33060, null, false)],
            [new(ContainerPort.Tcp, 3306, 49153), new(ContainerPort.Tcp, 33060, null)],
            "172.17.0.4");

        var target = LinkTargets.Of(container, "203.0.113.7");

        Assert.Equal("203.0.113.7", target.Address);
        Assert.Equal([new LinkedPort(ContainerPort.Tcp, 3306, 49153)], target.Ports);
        Assert.Equal(("mysql-3", 3), (target.Name, target.Number));
        Assert.Equal([new EnvironmentVariable("MYSQL_DATABASE", "shop")], target.Environment);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("localhost")]
    public void A_local_node_on_loopback_is_passed_over_for_the_private_address(string loopback)
    {
        var container = Container([new(ContainerPort.Tcp, 80, null, true)], [new(ContainerPort.Tcp, 80, 49200)], "172.17.0.4");

        var target = LinkTargets.Of(container, loopback);

        Assert.Equal("172.17.0.4", target.Address);
        Assert.Equal([new LinkedPort(ContainerPort.Tcp, 80, 80)], target.Ports);
    }

    [Fact]
    public void A_fixed_host_port_counts_before_the_agent_reports_the_container()
    {
        var container = Container([new(ContainerPort.Udp, 53, 5353, true)], [], null);

        var target = LinkTargets.Of(container, "203.0.113.7");

        Assert.Equal([new LinkedPort(ContainerPort.Udp, 53, 5353)], target.Ports);
    }

    [Fact]
    public void Engines_reporting_a_port_twice_give_one_linked_port()
    {
        var container = Container([new(ContainerPort.Tcp, 80, null, true)], [new("TCP", 80, 49200), new(ContainerPort.Tcp, 80, 49200)], null);

        Assert.Equal([new LinkedPort(ContainerPort.Tcp, 80, 49200)], LinkTargets.Of(container, "203.0.113.7").Ports);
    }

    [Fact]
    public void An_unpublished_container_is_reached_at_its_private_address_on_its_inner_ports()
    {
        var container = Container([new(ContainerPort.Tcp, 3306, null, false)], [], "172.17.0.4");

        var target = LinkTargets.Of(container, "203.0.113.7");

        Assert.Equal("172.17.0.4", target.Address);
        Assert.Equal([new LinkedPort(ContainerPort.Tcp, 3306, 3306)], target.Ports);
    }

    [Fact]
    public void Without_a_node_address_a_published_container_is_reached_at_its_private_address()
    {
        var container = Container([new(ContainerPort.Tcp, 3306, 3306, true)], [], "172.17.0.4");

        var target = LinkTargets.Of(container, nodeAddress: null);

        Assert.Equal(("172.17.0.4", 3306), (target.Address, target.Ports.Single().ReachablePort));
    }

    [Fact]
    public void A_container_with_no_known_address_has_no_address_and_no_ports()
    {
        var container = Container([new(ContainerPort.Tcp, 3306, null, true)], [], null);

        var target = LinkTargets.Of(container, "203.0.113.7");

        Assert.Equal("", target.Address);
        Assert.Empty(target.Ports);
    }
}
