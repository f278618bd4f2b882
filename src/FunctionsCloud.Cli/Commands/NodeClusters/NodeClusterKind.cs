using FunctionsCloud.Cli.Output;
using FunctionsCloud.Cli.Resources;
using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Cli.Commands.NodeClusters;

public static class NodeClusterKind
{
    public static readonly ResourceKind<NodeCluster> Kind = new(
        "nodecluster", client => client.NodeClusters, c => c.Uuid, c => c.ResourceUri, c => c.Name, c => c.State,
        new TableView<NodeCluster>(c => c.Uuid.ToString("D"),
        [
            new("NAME", c => c.Name),
            new("UUID", c => Formats.Short(c.Uuid)),
            new("REGION", c => Formats.LastSegment(c.Region)),
            new("TYPE", c => Formats.LastSegment(c.NodeType)),
            new("DEPLOYED", (c, now) => Formats.Ago(c.DeployedDatetime, now)),
            new("STATUS", c => c.State),
            new("CURRENT#NODES", c => Formats.Number(c.CurrentNumNodes)),
            new("TARGET#NODES", c => Formats.Number(c.TargetNumNodes)),
        ]),
        "apps");
}
