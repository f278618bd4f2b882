using FunctionsCloud.Cli.Output;
using FunctionsCloud.Cli.Resources;
using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Cli.Commands.Triggers;

/// <summary>Triggers live under their service, so their kind is made for one service.</summary>
public static class TriggerKind
{
    public static readonly TableView<Trigger> View = new(t => t.Uuid.ToString("D"),
    [
        new("NAME", t => t.Name),
        new("UUID", t => Formats.Short(t.Uuid)),
        new("OPERATION", t => t.Operation),
        new("CREATED", (t, now) => Formats.Ago(t.CreatedDatetime, now)),
        new("LAST CALLED", (t, now) => Formats.Ago(t.LastCalledDatetime, now)),
    ]);

    public static ResourceKind<Trigger> Of(string serviceUri) => new(
        "trigger", client => client.TriggersOf(serviceUri), t => t.Uuid, t => t.ResourceUri, t => t.Name, _ => "", View, "deploy-hook");
}
