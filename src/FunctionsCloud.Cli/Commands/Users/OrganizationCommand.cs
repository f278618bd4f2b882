using System.CommandLine;
using FunctionsCloud.Cli.Commands.ApiKeys;
using FunctionsCloud.Cli.Commands.Common;
using FunctionsCloud.Cli.Output;
using FunctionsCloud.Cli.Runtime;
using FunctionsCloud.Client.Requests;
using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Cli.Commands.Users;

/// <summary><c>fc org create|ls|inspect</c> and <c>fc org team create|set|rm</c>: organizations and their teams, named by name.</summary>
public static class OrganizationCommand
{
    private static readonly TableView<Organization> View = new(o => o.Name,
    [
        new("NAME", o => o.Name),
        new("TEAMS", o => string.Join(", ", o.Teams.Select(t => $"{t.Name} ({t.Role}: {t.Members.Count})"))),
        new("CREATED", (o, now) => Formats.Ago(o.CreatedDatetime, now)),
    ]);

    public static Command Build(CommandHost host) => new("org", "Organizations: namespaces shared by teams, each with a role")
    {
        Create(host),
        WholeList.Build(host, c => c.Organizations, View, "List the organizations you are a member of", "Only the names", "fc org ls"),
        Inspect(host),
        new Command("team", "An organization's teams: a role (read-only, operator, admin) and its members") { CreateTeam(host), SetTeam(host), RemoveTeam(host) },
    };

    private static Command Create(CommandHost host)
    {
        var name = Name();
        var owners = Members("--owner", "A user who administers it (its team \"owners\"); repeat for more");
        owners.Required = true;
        var command = new Command("create", "Make an organization (needs an administrator of the installation)") { name, owners };
        host.Handle(command, async context =>
        {
            var created = await context.Client.CreateOrganizationAsync(new CreateOrganizationRequest(context.Value(name), context.Value(owners)!), context.Cancellation);
            context.Writer.Done(created.Object, created.Object.Name);
            return ExitCodes.Ok;
        });
        return command.WithExample("fc org create acme --owner alice");
    }


    private static Command Inspect(CommandHost host)
    {
        var name = Name();
        var command = new Command("inspect", "Show an organization with its teams, as JSON") { name };
        host.Handle(command, async context =>
        {
            context.Writer.Inspect(await context.Client.Organizations.GetAsync(context.Client.OrganizationUri(context.Value(name)), context.Cancellation));
            return ExitCodes.Ok;
        });
        return command.WithExample("fc org inspect acme");
    }

    private static Command CreateTeam(CommandHost host)
    {
        var (organization, team) = (Name(), TeamName());
        var role = Role();
        role.Required = true;
        var members = Members("--member", "A user in the team; repeat for more");
        var command = new Command("create", "Make a team of an organization (needs its admin)") { organization, team, role, members };
        host.Handle(command, async context =>
        {
            var request = new TeamRequest(context.Value(team), context.Value(role), context.Value(members) ?? []);
            var created = await context.Client.CreateTeamAsync(context.Client.OrganizationUri(context.Value(organization)), request, context.Cancellation);
            context.Writer.Done(created.Object, created.Object.Name);
            return ExitCodes.Ok;
        });
        return command.WithExample("fc org team create acme deployers --role operator --member bob");
    }

    private static Command SetTeam(CommandHost host)
    {
        var (organization, team) = (Name(), TeamName());
        var role = Role();
        var members = Members("--member", "A user in the team; the ones given replace its members (repeat for more)");
        var command = new Command("set", "Change a team's role or members") { organization, team, role, members };
        host.Handle(command, async context =>
        {
            var request = new TeamRequest(Role: context.Value(role), Members: context.Value(members) is { Length: > 0 } given ? given : null);
            var changed = await context.Client.PatchTeamAsync(TeamUri(context, organization, team), request, context.Cancellation);
            context.Writer.Done(changed.Object, changed.Object.Name);
            return ExitCodes.Ok;
        });
        return command.WithExample("fc org team set acme deployers --member bob --member carol");
    }

    private static Command RemoveTeam(CommandHost host)
    {
        var (organization, team) = (Name(), TeamName());
        var command = new Command("rm", "Delete a team: its members lose what it gave them") { organization, team };
        host.Handle(command, async context =>
        {
            var uri = TeamUri(context, organization, team);
            var removed = await context.Client.TeamsOf(uri).DeleteAsync(uri, context.Cancellation);
            context.Writer.Done(removed.Object, removed.Object.Name);
            return ExitCodes.Ok;
        });
        return command.WithExample("fc org team rm acme deployers");
    }

    private static string TeamUri(CommandContext context, Argument<string> organization, Argument<string> team) =>
        $"{context.Client.OrganizationUri(context.Value(organization))}team/{Uri.EscapeDataString(context.Value(team))}/";

    private static Argument<string> Name() => new("organization") { Description = "The organization's name" };

    private static Argument<string> TeamName() => new("team") { Description = "The team's name" };

    private static Option<string> Role()
    {
        var role = new Option<string>("--role") { Description = "What its members may do in the organization's namespace" };
        role.AcceptOnlyFromAmong(ApiKeyCommand.Roles);
        return role;
    }

    private static Option<string[]> Members(string name, string description) =>
        new(name) { Description = description, AllowMultipleArgumentsPerToken = false };
}
