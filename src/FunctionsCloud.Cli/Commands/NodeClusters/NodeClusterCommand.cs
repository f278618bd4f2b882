using System.CommandLine;
using FunctionsCloud.Cli.Commands.Common;
using FunctionsCloud.Cli.Runtime;
using static FunctionsCloud.Cli.Commands.NodeClusters.NodeClusterKind;

namespace FunctionsCloud.Cli.Commands.NodeClusters;

/// <summary><c>fc nodecluster create|ls|inspect|scale|rm</c>.</summary>
public static class NodeClusterCommand
{
    public static Command Build(CommandHost host) => new("nodecluster", "Node clusters: nodes of one type in one region, scaled together")
    {
        NodeClusterCreateCommand.Build(host),
        ResourceCommands.List(host, Kind, "ls", "List node clusters", "fc nodecluster ls"),
        ResourceCommands.Inspect(host, Kind),
        ResourceCommands.Scale(host, Kind, "nodes", (client, uri, count, cancellation) => client.ScaleNodeClusterAsync(uri, count, cancellation)),
        ResourceCommands.Remove(host, Kind, "Terminate a node cluster and its nodes"),
    };
}
