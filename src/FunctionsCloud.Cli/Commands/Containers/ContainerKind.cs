using FunctionsCloud.Cli.Output;
using FunctionsCloud.Cli.Resources;
using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Cli.Commands.Containers;

public static class ContainerKind
{
    public static readonly ResourceKind<Container> Kind = new(
        "container", client => client.Containers, c => c.Uuid, c => c.ResourceUri, c => c.Name, c => c.State,
        new TableView<Container>(c => c.Uuid.ToString("D"),
        [
            new("NAME", c => c.Name),
            new("UUID", c => Formats.Short(c.Uuid)),
            new("STATUS", c => c.State),
            new("IMAGE", c => c.ImageName),
            new("EXIT CODE", c => Formats.Number(c.ExitCode)),
            new("STARTED", (c, now) => Formats.Ago(c.StartedDatetime, now)),
            new("PORTS", c => Ports(c.ContainerPorts)),
            new("NODE", c => Formats.ShortOf(c.Node)),
        ]),
        "web-1");

    /// <summary>"8080->80/tcp, 53/udp" as docker ps writes them.</summary>
    public static string Ports(IReadOnlyList<ContainerPort> ports) => string.Join(", ", ports.Select(p =>
        p.OuterPort is { } outer ? $"{outer}->{p.InnerPort}/{p.Protocol}" : $"{p.InnerPort}/{p.Protocol}"));
}
