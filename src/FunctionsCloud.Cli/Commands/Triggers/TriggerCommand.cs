using System.CommandLine;
using FunctionsCloud.Cli.Commands.Common;
using FunctionsCloud.Cli.Commands.Services;
using FunctionsCloud.Cli.Output;
using FunctionsCloud.Cli.Runtime;
using FunctionsCloud.Client.Requests;

namespace FunctionsCloud.Cli.Commands.Triggers;

/// <summary><c>fc trigger create|ls|rm</c>: URLs that redeploy or scale up a service without credentials.</summary>
public static class TriggerCommand
{
    public static Command Build(CommandHost host) => new("trigger", "Triggers: URLs that redeploy or scale up a service when called")
    {
        Create(host),
        List(host),
        Remove(host),
    };

    private static Command Create(CommandHost host)
    {
        var service = CommonOptions.Identifier("service");
        var name = new Option<string>("--name", "-n") { Description = "The trigger's name (default: its operation)" };
        var operation = new Option<string>("--operation") { Description = "What a call does", DefaultValueFactory = _ => "REDEPLOY" };
        operation.AcceptOnlyFromAmong("REDEPLOY", "SCALEUP");
        var command = new Command("create", "Create a trigger; its URL is shown this once") { service, name, operation };
        host.Handle(command, async context =>
        {
            var target = await ResourceCommands.ResolveAsync(context, ServiceKind.Kind, context.Value(service));
            var op = context.Value(operation)!;
            var created = await context.Client.CreateTriggerAsync(target.ResourceUri,
                new CreateTriggerRequest(context.Value(name) ?? op.ToLowerInvariant(), op), context.Cancellation);
            if (context.Writer.Format == OutputFormat.Json)
                context.Writer.Inspect(created.Object);
            else
                context.Writer.Text(created.Object.Url ?? created.Object.Uuid.ToString("D"));
            return ExitCodes.Ok;
        });
        return command.WithExample("fc trigger create web --operation SCALEUP");
    }

    private static Command List(CommandHost host)
    {
        var service = CommonOptions.Identifier("service");
        var quiet = CommonOptions.Quiet();
        var command = new Command("ls", "List a service's triggers (their URLs are not shown again)") { service, quiet };
        host.Handle(command, async context =>
        {
            var target = await ResourceCommands.ResolveAsync(context, ServiceKind.Kind, context.Value(service));
            var triggers = await context.Client.TriggersOf(target.ResourceUri).ListAllAsync(cancellationToken: context.Cancellation);
            context.Writer.List(triggers, TriggerKind.View, context.Value(quiet));
            return ExitCodes.Ok;
        });
        return command.WithExample("fc trigger ls web");
    }

    private static Command Remove(CommandHost host)
    {
        var service = CommonOptions.Identifier("service");
        var trigger = CommonOptions.Identifier("trigger");
        var command = new Command("rm", "Delete a trigger: its URL stops working at once") { service, trigger };
        host.Handle(command, async context =>
        {
            var target = await ResourceCommands.ResolveAsync(context, ServiceKind.Kind, context.Value(service));
            var kind = TriggerKind.Of(target.ResourceUri);
            var found = await ResourceCommands.ResolveAsync(context, kind, context.Value(trigger));
            var deleted = await kind.Client(context.Client).DeleteAsync(found.ResourceUri, context.Cancellation);
            return await context.FinishAsync(deleted, kind.Id(deleted.Object), sync: false);
        });
        return command.WithExample("fc trigger rm web deploy-hook");
    }
}
