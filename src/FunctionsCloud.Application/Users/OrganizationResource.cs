using FunctionsCloud.Domain.Accounts;
using Uris = FunctionsCloud.Domain.Resources.ResourceUris;

namespace FunctionsCloud.Application.Users;

/// <summary>An organization, a namespace of its own, with its teams.</summary>
public sealed record OrganizationResource(string Name, string ResourceUri, DateTimeOffset CreatedDatetime, IReadOnlyList<TeamResource> Teams)
{
    public static OrganizationResource From(Organization organization) => new(
        organization.Name, Uris.Organization(organization.Name), organization.CreatedAt,
        organization.Teams.Select(t => TeamResource.From(organization, t)).ToList());
}
