using System.CommandLine;
using FunctionsCloud.Cli.Commands.Common;
using FunctionsCloud.Cli.Commands.Containers;
using FunctionsCloud.Cli.Runtime;
using static FunctionsCloud.Cli.Commands.Services.ServiceKind;

namespace FunctionsCloud.Cli.Commands.Services;

/// <summary><c>fc service create|run|ls|ps|inspect|logs|scale|start|stop|redeploy|rm</c>.</summary>
public static class ServiceCommand
{
    public static Command Build(CommandHost host) => new("service", "Services: containers of one image, spread over the nodes")
    {
        ServiceCreateCommand.Create(host),
        ServiceCreateCommand.Run(host),
        ResourceCommands.List(host, Kind, "ls", "List services", "fc service ls"),
        ResourceCommands.List(host, ContainerKind.Kind, "ps", "List a service's containers", "fc service ps web",
            ResourceCommands.Of(Kind, "service")),
        ResourceCommands.Inspect(host, Kind),
        LogsCommand.Build(host, Kind, namesContainers: true),
        ResourceCommands.Scale(host, Kind, "containers", (client, uri, count, cancellation) => client.ScaleServiceAsync(uri, count, cancellation)),
        ResourceCommands.Operation(host, Kind, "start", "Start a service's containers"),
        ResourceCommands.Operation(host, Kind, "stop", "Stop a service's containers"),
        ResourceCommands.Operation(host, Kind, "redeploy", "Replace every container of a service with a new one"),
        ResourceCommands.Remove(host, Kind, "Terminate a service and its containers"),
    };
}
