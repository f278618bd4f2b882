using System.CommandLine;
using FunctionsCloud.Cli.Commands.Common;
using FunctionsCloud.Cli.Configuration;
using FunctionsCloud.Cli.Runtime;
using Spectre.Console;

namespace FunctionsCloud.Cli.Commands.Login;

/// <summary>
/// <c>fc login</c>: checks the URL, user and API key against the API, then stores them (owner-only). What is not
/// given as an option is taken from FC_URL/FC_USER/FC_APIKEY, then asked for on a terminal (the key unechoed).
/// </summary>
public static class LoginCommand
{
    public static Command Build(CommandHost host)
    {
        var url = new Option<string>("--url") { Description = "The API's address, e.g. http://127.0.0.1:7071" };
        var user = new Option<string>("--user", "-u") { Description = "Your user" };
        var apiKey = new Option<string>("--apikey") { Description = "Your API key (asked for, unechoed, when left out on a terminal)" };
        var command = new Command("login", "Store the API's address and your credentials for later commands") { url, user, apiKey };
        host.Handle(command, async context =>
        {
            var credentials = new CliCredentials(
                Ask(context, context.Value(url), CredentialSource.UrlVariable, "URL", secret: false).TrimEnd('/'),
                Ask(context, context.Value(user), CredentialSource.UserVariable, "User", secret: false),
                Ask(context, context.Value(apiKey), CredentialSource.ApiKeyVariable, "API key", secret: true));
            var (http, client) = CommandContext.Connect(credentials);
            using (http)
                await client.Providers.ListAsync(limit: 1, cancellationToken: context.Cancellation); // refused credentials end here, unstored
            context.Credentials.File.Write(credentials);
            context.Output.ErrorWriter.WriteLine($"Logged in as {credentials}; stored in {context.Credentials.File.Path}");
            return ExitCodes.Ok;
        });
        return command.WithExample("fc login --url http://127.0.0.1:7071 --user admin");
    }

    private static string Ask(CommandContext context, string? given, string variable, string label, bool secret)
    {
        if (!string.IsNullOrEmpty(given))
            return given;
        if (context.Environment.Variable(variable) is { Length: > 0 } set)
            return set;
        if (!context.Environment.ErrorIsTerminal || !context.Environment.InIsTerminal)
            throw new CliException(ExitCodes.Usage, $"No {label}: give it as an option or in {variable}.");
        var prompt = new TextPrompt<string>($"{label}:");
        return context.Output.Error.Prompt(secret ? prompt.Secret() : prompt);
    }
}
