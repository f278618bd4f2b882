using FunctionsCloud.Domain.Accounts;
using FunctionsCloud.Domain.States;
using Uris = FunctionsCloud.Domain.Resources.ResourceUris;

namespace FunctionsCloud.Application.Users;

/// <summary>A team of an organization: its role on the organization's namespace and its members' user names.</summary>
public sealed record TeamResource(string Name, string ResourceUri, string Organization, string Role, IReadOnlyList<string> Members)
{
    public static TeamResource From(Organization organization, Team team) => new(
        team.Name, Uris.Team(organization.Name, team.Name), Uris.Organization(organization.Name), ApiNames.Of(team.Role), team.Members);
}
