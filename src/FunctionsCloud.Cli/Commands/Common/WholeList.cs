using System.CommandLine;
using FunctionsCloud.Cli.Output;
using FunctionsCloud.Cli.Runtime;
using FunctionsCloud.Client;
using FunctionsCloud.Client.Operations;

namespace FunctionsCloud.Cli.Commands.Common;

/// <summary><c>ls [-q]</c> of a short list the API gives whole to its caller (their keys, users, organizations): no filters.</summary>
public static class WholeList
{
    public static Command Build<T>(CommandHost host, Func<FunctionsCloudClient, ResourceClient<T>> client, TableView<T> view,
        string description, string quietDescription, string example)
    {
        var quiet = new Option<bool>("--quiet", "-q") { Description = quietDescription };
        var command = new Command("ls", description) { quiet };
        host.Handle(command, async context =>
        {
            var items = await client(context.Client).ListAllAsync(cancellationToken: context.Cancellation);
            context.Writer.List(items, view, context.Value(quiet));
            return ExitCodes.Ok;
        });
        return command.WithExample(example);
    }
}
