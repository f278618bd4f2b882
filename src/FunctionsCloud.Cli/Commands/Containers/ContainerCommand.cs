using System.CommandLine;
using FunctionsCloud.Cli.Commands.Common;
using FunctionsCloud.Cli.Commands.Nodes;
using FunctionsCloud.Cli.Commands.Services;
using FunctionsCloud.Cli.Runtime;
using static FunctionsCloud.Cli.Commands.Containers.ContainerKind;

namespace FunctionsCloud.Cli.Commands.Containers;

/// <summary><c>fc container ps|inspect|logs|start|stop|redeploy|rm</c>.</summary>
public static class ContainerCommand
{
    public static Command Build(CommandHost host) => new("container", "Containers: the instances of a service on its nodes")
    {
        ResourceCommands.List(host, Kind, "ps", "List containers", "fc container ps --service web --status Running",
            ResourceCommands.FilterBy(ServiceKind.Kind, "--service", "service"),
            ResourceCommands.FilterBy(NodeKind.Kind, "--node", "node")),
        ResourceCommands.Inspect(host, Kind),
        LogsCommand.Build(host, Kind),
        ResourceCommands.Operation(host, Kind, "start", "Start a container"),
        ResourceCommands.Operation(host, Kind, "stop", "Stop a container"),
        ResourceCommands.Operation(host, Kind, "redeploy", "Replace a container with a new one"),
        ResourceCommands.Remove(host, Kind, "Terminate a container (its service's target goes down by one)"),
    };
}
