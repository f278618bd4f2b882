using FunctionsCloud.Cli.Output;
using FunctionsCloud.Cli.Resources;
using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Cli.Commands.Actions;

public static class ActionKind
{
    public static readonly ResourceKind<AuditAction> Kind = new(
        "action", client => client.Actions, a => a.Uuid, a => a.ResourceUri, null, a => a.State,
        new TableView<AuditAction>(a => a.Uuid.ToString("D"),
        [
            new("UUID", a => Formats.Short(a.Uuid)),
            new("ACTION", a => a.Action),
            new("STATUS", a => a.State),
            new("OBJECT", a => Formats.ShortOf(a.Object)),
            new("START", (a, now) => Formats.Ago(a.StartDate, now)),
            new("END", (a, now) => Formats.Ago(a.EndDate, now)),
        ]),
        "3b1f0c2d");
}
