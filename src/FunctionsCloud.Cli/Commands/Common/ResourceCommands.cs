using System.CommandLine;
using FunctionsCloud.Cli.Resources;
using FunctionsCloud.Cli.Runtime;
using FunctionsCloud.Client;
using FunctionsCloud.Client.Http;

namespace FunctionsCloud.Cli.Commands.Common;

/// <summary>
/// A filter of a list by another object, named as people name it: an option (<c>fc container ps --service web</c>)
/// or an argument (<c>fc service ps web</c>).
/// </summary>
public sealed record ParentFilter(Symbol Symbol, Func<ParseResult, string?> Value, string Field, Func<CommandContext, string, Task<string>> ResourceUriOf);

/// <summary>The commands every kind of object has in the same shape: ls, inspect, an operation, scale, rm.</summary>
public static class ResourceCommands
{
    /// <summary><c>ls [-q] [-a] [--status S]</c>: Terminated objects are left out unless asked for.</summary>
    public static Command List<T>(CommandHost host, ResourceKind<T> kind, string name, string description, string example, params ParentFilter[] parents)
    {
        var quiet = CommonOptions.Quiet();
        var all = CommonOptions.All();
        var status = CommonOptions.Status();
        var command = new Command(name, description) { quiet, all, status };
        foreach (var parent in parents)
        {
            if (parent.Symbol is Argument argument)
                command.Add(argument);
            else
                command.Add((Option)parent.Symbol);
        }
        host.Handle(command, async context =>
        {
            var filters = new Dictionary<string, string>();
            if (context.Value(status) is { } state)
                filters["state"] = state;
            foreach (var parent in parents)
                if (parent.Value(context.Parse) is { } identifier)
                    filters[parent.Field] = await parent.ResourceUriOf(context, identifier);
            var items = await kind.Client(context.Client).ListAllAsync(filters, context.Cancellation);
            var shown = context.Value(all) || context.Value(status) is not null
                ? items
                : items.Where(i => kind.State(i) != ResourceKind<T>.Terminated).ToList();
            context.Writer.List(shown, kind.View, context.Value(quiet));
            return ExitCodes.Ok;
        });
        return command.WithExample(example);
    }

    public static Command Inspect<T>(CommandHost host, ResourceKind<T> kind)
    {
        var identifier = CommonOptions.Identifier(kind.Noun, kind.Name is not null);
        var command = new Command("inspect", $"Show a {kind.Noun} in full, as JSON") { identifier };
        host.Handle(command, async context =>
        {
            context.Writer.Inspect(await ResolveAsync(context, kind, context.Value(identifier)));
            return ExitCodes.Ok;
        });
        return command.WithExample($"fc {kind.Noun} inspect {kind.Example}");
    }

    /// <summary>An operation at <c>&lt;resource_uri&gt;&lt;verb&gt;/</c> (start, stop, redeploy, cancel, retry).</summary>
    public static Command Operation<T>(CommandHost host, ResourceKind<T> kind, string verb, string description) =>
        Acting(host, kind, verb, description, (client, item, cancellation) => kind.Client(client).PostAsync(kind.ResourceUri(item), verb, cancellation));

    /// <summary><c>rm</c>: terminates the object (DELETE).</summary>
    public static Command Remove<T>(CommandHost host, ResourceKind<T> kind, string description) =>
        Acting(host, kind, "rm", description, (client, item, cancellation) => kind.Client(client).DeleteAsync(kind.ResourceUri(item), cancellation));

    /// <summary><c>scale ID COUNT [--sync]</c>.</summary>
    public static Command Scale<T>(CommandHost host, ResourceKind<T> kind, string countName, Func<FunctionsCloudClient, string, int, CancellationToken, Task<Accepted<T>>> scale)
    {
        var identifier = CommonOptions.Identifier(kind.Noun, kind.Name is not null);
        var count = CommonOptions.Count(countName, $"How many {countName.Replace('_', ' ')} it should have", minimum: 0);
        var sync = CommonOptions.Sync();
        var command = new Command("scale", $"Set how many {countName.Replace('_', ' ')} a {kind.Noun} has") { identifier, count, sync };
        host.Handle(command, async context =>
        {
            var item = await ResolveAsync(context, kind, context.Value(identifier));
            var accepted = await scale(context.Client, kind.ResourceUri(item), context.Value(count), context.Cancellation);
            return await context.FinishAsync(accepted, kind.Id(accepted.Object), context.Value(sync));
        });
        return command.WithExample($"fc {kind.Noun} scale {kind.Example} 3 --sync");
    }

    public static Task<T> ResolveAsync<T>(CommandContext context, ResourceKind<T> kind, string identifier) =>
        IdentifierResolver.ResolveAsync(kind, kind.Client(context.Client), identifier, context.Cancellation);

    /// <summary><c>--option IDENTIFIER</c>: only those of that <paramref name="parent"/>.</summary>
    public static ParentFilter FilterBy<TParent>(ResourceKind<TParent> parent, string option, string field)
    {
        var symbol = new Option<string>(option) { Description = $"Only those of this {parent.Noun} (name, uuid or uuid prefix)" };
        return new(symbol, parse => parse.GetValue(symbol), field, ParentUri(parent));
    }

    /// <summary>A required argument: the <paramref name="parent"/> whose objects are listed.</summary>
    public static ParentFilter Of<TParent>(ResourceKind<TParent> parent, string field)
    {
        var symbol = CommonOptions.Identifier(parent.Noun, parent.Name is not null);
        return new(symbol, parse => parse.GetValue(symbol), field, ParentUri(parent));
    }

    private static Func<CommandContext, string, Task<string>> ParentUri<TParent>(ResourceKind<TParent> parent) =>
        async (context, identifier) => parent.ResourceUri(await ResolveAsync(context, parent, identifier));

    private static Command Acting<T>(CommandHost host, ResourceKind<T> kind, string verb, string description,
        Func<FunctionsCloudClient, T, CancellationToken, Task<Accepted<T>>> act)
    {
        var identifier = CommonOptions.Identifier(kind.Noun, kind.Name is not null);
        var sync = CommonOptions.Sync();
        var command = new Command(verb, description) { identifier, sync };
        host.Handle(command, async context =>
        {
            var item = await ResolveAsync(context, kind, context.Value(identifier));
            var accepted = await act(context.Client, item, context.Cancellation);
            return await context.FinishAsync(accepted, kind.Id(accepted.Object), context.Value(sync));
        });
        return command.WithExample($"fc {kind.Noun} {verb} {kind.Example} --sync");
    }

}
