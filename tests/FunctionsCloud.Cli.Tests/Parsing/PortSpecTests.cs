using FunctionsCloud.Cli.Commands.Services;
using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Cli.Tests.Parsing;

public sealed class PortSpecTests
{
    [Theory]
    [InlineData("80", true, "tcp", 80, null)]
    [InlineData("8080:80", true, "tcp", 80, 8080)]
    [InlineData("53/udp", true, "udp", 53, null)]
    [InlineData("5432", false, "tcp", 5432, null)]
    public void Ports_are_read_as_Docker_writes_them(string text, bool published, string protocol, int inner, int? outer)
    {
        Assert.True(PortSpec.TryParse(text, published, out var port, out _));
        Assert.Equal(new ContainerPort(protocol, inner, outer, published), port);
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("http", true)]
    [InlineData("1:2:3", true)]
    [InlineData("80/sctp", true)]
    [InlineData("8080:80", false)]
    public void Malformed_ports_are_refused_with_the_form_to_use(string text, bool published)
    {
        Assert.False(PortSpec.TryParse(text, published, out _, out var error));
        Assert.Contains(text, error);
    }
}
