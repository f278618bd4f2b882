using System.CommandLine;
using FunctionsCloud.Cli.Commands.Common;
using FunctionsCloud.Cli.Output;
using FunctionsCloud.Cli.Runtime;
using FunctionsCloud.Client.Requests;

namespace FunctionsCloud.Cli.Commands.ApiKeys;

/// <summary><c>fc apikey create|ls|rm</c>: the caller's own API keys, one per laptop or pipeline.</summary>
public static class ApiKeyCommand
{
    public static readonly string[] Roles = ["read-only", "operator", "admin"];

    public static Command Build(CommandHost host) => new("apikey", "Your API keys: make one per laptop or pipeline, revoke them one by one")
    {
        Create(host),
        WholeList.Build(host, c => c.ApiKeys, ApiKeyKind.View, "List your keys (never the keys themselves)", "Only the uuids", "fc apikey ls"),
        Remove(host),
    };

    private static Command Create(CommandHost host)
    {
        var label = new Argument<string>("label") { Description = "How the key is known in lists and in the audit trail" };
        var role = new Option<string>("--role") { Description = "What it may do (default: all you may do where it acts)" };
        role.AcceptOnlyFromAmong(Roles);
        var expiresIn = new Option<int?>("--expires-in") { Description = "Seconds until it expires (default: never)" }.InRange(60);
        var @namespace = new Option<string>("--namespace") { Description = "Where it acts: an organization of yours (default: where your key acts)" };
        var command = new Command("create", "Make a key; the key is printed this once") { label, role, expiresIn, @namespace };
        host.Handle(command, async context =>
        {
            var request = new CreateApiKeyRequest(context.Value(label), context.Value(role), context.Value(expiresIn), context.Value(@namespace));
            var key = (await context.Client.CreateApiKeyAsync(request, context.Cancellation)).Object;
            if (context.Writer.Format == OutputFormat.Json)
                context.Writer.Inspect(key);
            else
                context.Writer.Text(key.Key ?? key.Uuid.ToString("D"));
            return ExitCodes.Ok;
        });
        return command.WithExample("fc apikey create ci-pipeline --role operator --expires-in 2592000");
    }


    private static Command Remove(CommandHost host)
    {
        var key = new Argument<string>("apikey") { Description = "The key's label, uuid or uuid prefix" };
        var command = new Command("rm", "Revoke a key: every instance refuses it within seconds") { key };
        host.Handle(command, async context =>
        {
            var found = await ApiKeyKind.ResolveAsync(context.Client, context.Value(key), context.Cancellation);
            var revoked = await context.Client.ApiKeys.DeleteAsync(found.ResourceUri, context.Cancellation);
            return await context.FinishAsync(revoked, found.Uuid.ToString("D"), sync: false);
        });
        return command.WithExample("fc apikey rm ci-pipeline");
    }
}
