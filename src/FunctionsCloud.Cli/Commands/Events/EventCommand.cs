using System.CommandLine;
using System.Text.Json;
using FunctionsCloud.Cli.Commands.Common;
using FunctionsCloud.Cli.Output;
using FunctionsCloud.Cli.Runtime;
using FunctionsCloud.Client.Http;
using FunctionsCloud.Client.Operations;
using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Cli.Commands.Events;

/// <summary>
/// <c>fc event [--since TIME] [--after ID] [--no-follow]</c>, as <c>docker-cloud event</c>: every change of every
/// object of the namespace, one line each, as it happens until Ctrl+C (the stream is resumed after the last event
/// whenever the server ends it); with <c>--no-follow</c>, what happened after the point, then done.
/// </summary>
public static class EventCommand
{
    /// <summary>How many events one read asks for with <c>--no-follow</c>: the most a list answers.</summary>
    private const int Page = 1000;

    public static Command Build(CommandHost host)
    {
        var since = new Option<DateTimeOffset?>("--since") { Description = "Begin with the events since this time (e.g. 2026-12-03T14:00:00Z)" };
        var after = new Option<long?>("--after") { Description = "Begin after the event with this id (the last column)" };
        after.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && long.TryParse(token.Value, System.Globalization.CultureInfo.InvariantCulture, out var id) && id < 0)
                result.AddError("--after must be 0 or more.");
        });
        var noFollow = new Option<bool>("--no-follow") { Description = "Print what happened (since --since or after --after) and stop, instead of going on" };
        var command = new Command("event", "Print every change of your node clusters, nodes, services, containers and actions as it happens")
        {
            since, after, noFollow,
        };
        host.Handle(command, async context =>
        {
            var query = new EventQuery(context.Value(after)?.ToString(System.Globalization.CultureInfo.InvariantCulture), context.Value(since));
            var line = new EventLine(context.Writer.Format, context.Output.OutWriter);
            var events = context.Value(noFollow)
                ? ReadAllAsync(context.Client.EventStream, query, context.Cancellation)
                : context.Client.EventStream.FollowAsync(query, context.Cancellation);
            await foreach (var change in events)
                await line.WriteAsync(change);
            return ExitCodes.Ok;
        });
        return command.WithExample("fc event --since 2026-12-03T14:00:00Z");
    }

    /// <summary>Every event after the point, page by page.</summary>
    private static async IAsyncEnumerable<ObjectEvent> ReadAllAsync(
        EventStreamClient stream, EventQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var offset = 0; ; offset += Page)
        {
            var page = await stream.ListAsync(query, Page, offset, cancellationToken);
            foreach (var change in page.Objects)
                yield return change;
            if (page.Meta.Next is null)
                yield break;
        }
    }

    /// <summary>One line per event: aligned columns for people, one JSON object for scripts (<c>-o json</c>).</summary>
    internal sealed class EventLine(OutputFormat format, TextWriter writer)
    {
        public async Task WriteAsync(ObjectEvent change)
        {
            ArgumentNullException.ThrowIfNull(change);
            await writer.WriteLineAsync(format == OutputFormat.Json ? JsonSerializer.Serialize(change, ApiJson.TypeInfo<ObjectEvent>()) : Text(change));
            await writer.FlushAsync();
        }

        /// <summary><c>2026-12-03T17:55:01Z  service     update  Running      3b1f0c2d  42</c>: when, kind, what, state, short uuid, id.</summary>
        public static string Text(ObjectEvent change) =>
            $"{change.Datetime.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}  {change.Type,-11}  {change.Action,-6}  {change.State,-14}  {Formats.Short(change.Uuid)}  {change.Id}";
    }
}
