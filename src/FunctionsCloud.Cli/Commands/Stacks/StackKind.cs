using FunctionsCloud.Cli.Output;
using FunctionsCloud.Cli.Resources;
using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Cli.Commands.Stacks;

public static class StackKind
{
    public static readonly ResourceKind<Stack> Kind = new(
        "stack", client => client.Stacks, s => s.Uuid, s => s.ResourceUri, s => s.Name, s => s.State,
        new TableView<Stack>(s => s.Uuid.ToString("D"),
        [
            new("NAME", s => s.Name),
            new("UUID", s => Formats.Short(s.Uuid)),
            new("STATUS", s => s.State),
            new("#SERVICES", s => s.Services.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("SYNCHRONIZED", s => s.Synchronized ? "yes" : "no"),
            new("DEPLOYED", (s, now) => Formats.Ago(s.DeployedDatetime, now)),
        ]),
        "shop");
}
