using System.CommandLine;
using FunctionsCloud.Cli.Commands.Common;
using FunctionsCloud.Cli.Output;
using FunctionsCloud.Cli.Runtime;
using FunctionsCloud.Client;
using FunctionsCloud.Client.Operations;

namespace FunctionsCloud.Cli.Commands.Catalog;

/// <summary><c>fc provider ls</c>, <c>fc region ls</c>, <c>fc nodetype ls</c>: what can be deployed where.</summary>
public static class CatalogCommands
{
    public static IEnumerable<Command> Build(CommandHost host) =>
    [
        Group("provider", "Cloud providers, and whether they can be deployed to", List(host, "provider", c => c.Providers, CatalogViews.Providers, null)),
        Group("region", "Regions of the providers", List(host, "region", c => c.Regions, CatalogViews.Regions, r => r.Provider)),
        Group("nodetype", "Node types (sizes) of the providers", List(host, "nodetype", c => c.NodeTypes, CatalogViews.NodeTypes, t => t.Provider)),
    ];

    private static Command Group(string name, string description, Command ls) => new(name, description) { ls };

    /// <param name="providerOf">The item's provider, for <c>--provider</c>; null where the item is a provider.</param>
    private static Command List<T>(CommandHost host, string noun, Func<FunctionsCloudClient, ResourceClient<T>> client, TableView<T> view, Func<T, string>? providerOf)
    {
        var quiet = CommonOptions.Quiet();
        var provider = new Option<string>("--provider") { Description = "Only this provider's, e.g. aws" };
        var command = new Command("ls", $"List {noun}s") { quiet };
        if (providerOf is not null)
            command.Add(provider);
        host.Handle(command, async context =>
        {
            var items = await client(context.Client).ListAllAsync(cancellationToken: context.Cancellation);
            var wanted = context.Value(provider);
            var shown = wanted is null || providerOf is null ? items : items.Where(i => Formats.LastSegment(providerOf(i)) == wanted).ToList();
            context.Writer.List(shown, view, context.Value(quiet));
            return ExitCodes.Ok;
        });
        return command.WithExample(providerOf is null ? $"fc {noun} ls" : $"fc {noun} ls --provider local");
    }
}
