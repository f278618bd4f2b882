using System.CommandLine;
using FunctionsCloud.Cli.Commands.Common;
using FunctionsCloud.Cli.Commands.NodeClusters;
using FunctionsCloud.Cli.Runtime;
using static FunctionsCloud.Cli.Commands.Nodes.NodeKind;

namespace FunctionsCloud.Cli.Commands.Nodes;

/// <summary><c>fc node ls|inspect|rm|byo</c>.</summary>
public static class NodeCommand
{
    public static Command Build(CommandHost host) => new("node", "Nodes: the hosts that run containers")
    {
        ResourceCommands.List(host, Kind, "ls", "List nodes", "fc node ls --cluster apps",
            ResourceCommands.FilterBy(NodeClusterKind.Kind, "--cluster", "node_cluster")),
        ResourceCommands.Inspect(host, Kind),
        ResourceCommands.Remove(host, Kind, "Terminate a node"),
        NodeByoCommand.Build(host),
    };
}
