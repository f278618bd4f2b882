using System.CommandLine;
using FunctionsCloud.Cli.Commands.Common;
using FunctionsCloud.Cli.Output;
using FunctionsCloud.Cli.Runtime;
using FunctionsCloud.Client.Requests;

namespace FunctionsCloud.Cli.Commands.Nodes;

/// <summary><c>fc node byo</c>: a registration token, and the command that makes a host of one's own a node.</summary>
public static class NodeByoCommand
{
    public static Command Build(CommandHost host)
    {
        var uses = new Option<int?>("--uses") { Description = "How many hosts the token may register (the API's default: 1)" };
        var expiresIn = new Option<int?>("--expires-in") { Description = "Seconds until the token expires (the API's default: an hour)" };
        var tags = Tags.Option("Tags the new nodes carry");
        var command = new Command("byo", "Bring your own host: prints the command to run on it") { uses, expiresIn, tags };
        host.Handle(command, async context =>
        {
            var request = new CreateRegistrationTokenRequest(context.Value(uses), context.Value(expiresIn), Tags.Of(context.Value(tags)));
            var token = (await context.Client.CreateRegistrationTokenAsync(request, context.Cancellation)).Object;
            if (context.Writer.Format == OutputFormat.Json)
                context.Writer.Inspect(token);
            else
                context.Writer.Text($"Run this on the host, as root (shown once; {token.UsesLeft} use(s), until {token.ExpiresAt:u}):\n\n  {token.Command}\n");
            return ExitCodes.Ok;
        });
        return command.WithExample("fc node byo --uses 3 --tag rack=7");
    }
}
