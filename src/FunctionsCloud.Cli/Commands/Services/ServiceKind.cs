using FunctionsCloud.Cli.Output;
using FunctionsCloud.Cli.Resources;
using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Cli.Commands.Services;

public static class ServiceKind
{
    public static readonly ResourceKind<Service> Kind = new(
        "service", client => client.Services, s => s.Uuid, s => s.ResourceUri, s => s.Name, s => s.State,
        new TableView<Service>(s => s.Uuid.ToString("D"),
        [
            new("NAME", s => s.Name),
            new("UUID", s => Formats.Short(s.Uuid)),
            new("STATUS", s => s.State),
            new("#CONTAINERS", s => $"{s.RunningNumContainers}/{s.TargetNumContainers}"),
            new("IMAGE", s => s.ImageName),
            new("STRATEGY", s => s.DeploymentStrategy),
            new("DEPLOYED", (s, now) => Formats.Ago(s.DeployedDatetime, now)),
        ]),
        "web");
}
