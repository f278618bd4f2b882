using System.CommandLine;
using FunctionsCloud.Cli.Commands.Common;
using FunctionsCloud.Cli.Runtime;
using static FunctionsCloud.Cli.Commands.Actions.ActionKind;

namespace FunctionsCloud.Cli.Commands.Actions;

/// <summary><c>fc action ls|inspect|logs|cancel|retry</c>: the audit log of every asynchronous operation.</summary>
public static class ActionCommand
{
    public static Command Build(CommandHost host) => new("action", "Actions: every asynchronous operation, its state and its log")
    {
        List(host),
        ResourceCommands.Inspect(host, Kind),
        LogsCommand.Build(host, Kind, actionLog: true),
        ResourceCommands.Operation(host, Kind, "cancel", "Cancel an action in progress"),
        ResourceCommands.Operation(host, Kind, "retry", "Run a failed or canceled action's operation again (a new action)"),
    };

    /// <summary>The latest actions only: the audit log keeps every one ever run.</summary>
    private static Command List(CommandHost host)
    {
        var quiet = CommonOptions.Quiet();
        var status = CommonOptions.Status();
        var limit = new Option<int>("--limit", "-l") { Description = "How many, newest first", DefaultValueFactory = _ => 25 }.InRange(1, 1000);
        var command = new Command("ls", "List the latest actions") { quiet, status, limit };
        host.Handle(command, async context =>
        {
            var filters = context.Value(status) is { } state ? new Dictionary<string, string> { ["state"] = state } : null;
            var page = await context.Client.Actions.ListAsync(filters, context.Value(limit), 0, context.Cancellation);
            context.Writer.List(page.Objects, Kind.View, context.Value(quiet));
            return ExitCodes.Ok;
        });
        return command.WithExample("fc action ls --status Failed");
    }
}
