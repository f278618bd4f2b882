using System.CommandLine;
using FunctionsCloud.Cli.Commands.Common;
using FunctionsCloud.Cli.Output;
using FunctionsCloud.Cli.Runtime;
using FunctionsCloud.Client.Requests;
using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Cli.Commands.Users;

/// <summary><c>fc user create|ls|rm</c>: the installation's users, for its administrators. Users are named by name.</summary>
public static class UserCommand
{
    private static readonly TableView<User> View = new(u => u.Username,
    [
        new("USERNAME", u => u.Username),
        new("EMAIL", u => u.Email ?? ""),
        new("ADMIN", u => u.IsInstallationAdmin ? "yes" : ""),
        new("CREATED", (u, now) => Formats.Ago(u.CreatedDatetime, now)),
    ]);

    public static Command Build(CommandHost host) => new("user", "Users of the installation (making and removing them needs an administrator)")
    {
        Create(host),
        WholeList.Build(host, c => c.Users, View, "List users (to anyone but an administrator, only themselves)", "Only the user names", "fc user ls"),
        Remove(host),
    };

    private static Command Create(CommandHost host)
    {
        var name = Username();
        var email = new Option<string>("--email") { Description = "The user's e-mail address" };
        var admin = new Option<bool>("--admin") { Description = "The user administers the installation: makes and removes users and organizations" };
        var command = new Command("create", "Make a user; their first API key is printed this once") { name, email, admin };
        host.Handle(command, async context =>
        {
            var request = new CreateUserRequest(context.Value(name), context.Value(email), context.Value(admin) ? true : null);
            var user = (await context.Client.CreateUserAsync(request, context.Cancellation)).Object;
            if (context.Writer.Format == OutputFormat.Json)
                context.Writer.Inspect(user);
            else
                context.Writer.Text(user.ApiKey?.Key ?? user.Username);
            return ExitCodes.Ok;
        });
        return command.WithExample("fc user create alice --email alice@example.com");
    }


    private static Command Remove(CommandHost host)
    {
        var name = Username();
        var command = new Command("rm", "Remove a user: their keys are revoked and their memberships end; the name is never given again") { name };
        host.Handle(command, async context =>
        {
            var removed = await context.Client.Users.DeleteAsync(context.Client.UserUri(context.Value(name)), context.Cancellation);
            context.Writer.Done(removed.Object, removed.Object.Username);
            return ExitCodes.Ok;
        });
        return command.WithExample("fc user rm alice");
    }

    private static Argument<string> Username() => new("username") { Description = "The user's name" };
}
