using FunctionsCloud.Cli.Output;
using FunctionsCloud.Cli.Resources;
using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Cli.Commands.Nodes;

public static class NodeKind
{
    public static readonly ResourceKind<Node> Kind = new(
        "node", client => client.Nodes, n => n.Uuid, n => n.ResourceUri, null, n => n.State,
        new TableView<Node>(n => n.Uuid.ToString("D"),
        [
            new("UUID", n => Formats.Short(n.Uuid)),
            new("FQDN", n => n.ExternalFqdn ?? ""),
            new("LASTSEEN", (n, now) => Formats.Ago(n.LastSeen, now)),
            new("STATUS", n => n.State),
            new("CLUSTER", n => Formats.ShortOf(n.NodeCluster)),
            new("DOCKER_VER", n => n.DockerVersion ?? ""),
            new("CONTAINERS", n => Formats.Number(n.CurrentNumContainers)),
        ]),
        "7c3e9a01");
}
