using System.CommandLine;
using System.Globalization;
using FunctionsCloud.Cli.Resources;
using FunctionsCloud.Cli.Runtime;
using FunctionsCloud.Client.Operations;
using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Cli.Commands.Common;

/// <summary>
/// <c>logs ID [--tail N] [--since TIME] [-f] [-t] [--all]</c>, as <c>docker logs</c>: a container's, a service's (each line
/// after its container's name) or an action's log; <c>-f</c> goes on with new lines until Ctrl+C (for an action,
/// until it ends); <c>--all</c> prints everything kept of a container's or service's log, streamed (no tail bound). An action's lines begin with their time by default, as its log keeps them (to the second).
/// </summary>
public static class LogsCommand
{
    /// <param name="actionLog">An action's log: followed until the action ends, each line after its time to the second.</param>
    public static Command Build<T>(CommandHost host, ResourceKind<T> kind, bool namesContainers = false, bool actionLog = false)
    {
        var identifier = CommonOptions.Identifier(kind.Noun, kind.Name is not null);
        var tail = new Option<int?>("--tail", "-n") { Description = actionLog ? "Only the last N lines" : $"Only the last N lines ({LogQuery.DefaultTail} unless given)" }.InRange(0, LogQuery.MaxTail);
        var since = new Option<DateTimeOffset?>("--since") { Description = "Only the lines since this time (e.g. 2026-12-03T14:00:00Z)" };
        var follow = new Option<bool>("--follow", "-f") { Description = actionLog ? "Go on with new lines until the action ends" : "Go on with new lines until interrupted" };
        var timestamps = new Option<bool>("--timestamps", "-t") { Description = "Begin each line with its time", DefaultValueFactory = _ => actionLog };
        var format = new LineFormat(namesContainers, actionLog ? "yyyy-MM-ddTHH:mm:ssZ" : "yyyy-MM-ddTHH:mm:ss.fffffffZ");
        var command = new Command("logs", $"Print a {kind.Noun}'s log") { identifier, tail, since, follow, timestamps };
        var all = new Option<bool>("--all") { Description = "Every line kept, however many (not with --tail, --since or -f)" };
        if (!actionLog)
        {
            command.Options.Add(all);
            command.Validators.Add(result =>
            {
                if (result.GetValue(all) && (result.GetResult(tail) is { Implicit: false } || result.GetResult(since) is { Implicit: false } || result.GetValue(follow)))
                    result.AddError("--all prints every line kept: leave out --tail, --since and -f.");
            });
        }

        host.Handle(command, async context =>
        {
            var uri = kind.ResourceUri(await ResourceCommands.ResolveAsync(context, kind, context.Value(identifier)));
            var query = new LogQuery(context.Value(tail), context.Value(since));
            var writer = context.Output.OutWriter;
            if (context.Value(all))
            {
                await foreach (var message in context.Client.Logs.ReadAllAsync(uri, context.Cancellation))
                    await format.WriteAsync(writer, message, context.Value(timestamps));
            }
            else if (context.Value(follow))
            {
                await foreach (var message in context.Client.Logs.FollowAsync(uri, query, context.Cancellation))
                    await format.WriteAsync(writer, message, context.Value(timestamps));
            }
            else
            {
                foreach (var message in await context.Client.Logs.ReadAsync(uri, query, context.Cancellation))
                    await format.WriteAsync(writer, message, context.Value(timestamps));
            }

            return ExitCodes.Ok;
        });
        return command.WithExample($"fc {kind.Noun} logs {kind.Example} --tail 100 -f");
    }

    private sealed record LineFormat(bool WithName, string TimeFormat)
    {
        public async Task WriteAsync(TextWriter writer, LogMessage message, bool withTime)
        {
            var time = withTime ? message.Time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture) + " " : "";
            var name = WithName && message.Name is not null ? message.Name + " | " : "";
            await writer.WriteLineAsync(time + name + message.Log);
            await writer.FlushAsync();
        }
    }
}
