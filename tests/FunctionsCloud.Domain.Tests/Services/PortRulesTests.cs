using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Domain.Tests.Services;

public class PortRulesTests
{
    [Fact]
    public void Tcp_and_udp_ports_published_or_not_pass() =>
        Assert.Empty(PortRules.Problems([
            new ContainerPort("tcp", 80, 8080, true),
            new ContainerPort("tcp", 443, null, true),
            new ContainerPort("udp", 53, 53, true),
            new ContainerPort("tcp", 53, 53, true),
            new ContainerPort("tcp", 9000, null, false),
        ]));

    [Theory]
    [InlineData("sctp", 80, null, true, "sctp")]
    [InlineData("TCP", 80, null, true, "TCP")]
    [InlineData("tcp", 0, null, true, "inner_port 0")]
    [InlineData("tcp", 65536, null, true, "inner_port 65536")]
    [InlineData("tcp", 80, 0, true, "outer_port 0")]
    [InlineData("tcp", 80, 70000, true, "outer_port 70000")]
    [InlineData("tcp", 80, 8080, false, "not published")]
    public void Bad_ports_are_named(string protocol, int inner, int? outer, bool published, string expected) =>
        Assert.Contains(expected, Assert.Single(PortRules.Problems([new ContainerPort(protocol, inner, outer, published)])));

    [Fact]
    public void The_same_outer_port_published_twice_is_refused() =>
        Assert.Contains("8080/tcp", Assert.Single(PortRules.Problems([new ContainerPort("tcp", 80, 8080, true), new ContainerPort("tcp", 81, 8080, true)])));

    [Fact]
    public void The_same_inner_port_twice_is_refused() =>
        Assert.Contains("inner port 80/tcp", Assert.Single(PortRules.Problems([new ContainerPort("tcp", 80, 8080, true), new ContainerPort("tcp", 80, 8081, true)])));

    [Fact]
    public void At_most_a_hundred_ports() =>
        Assert.Contains("100", Assert.Single(PortRules.Problems(Enumerable.Range(1, 101).Select(n => new ContainerPort("tcp", n, null, false)).ToList())));
}
