using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.ApiKeys;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Domain.Accounts;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Domain.Validation;
using FunctionsCloud.Storage.Users;

namespace FunctionsCloud.Application.Users;

/// <summary>
/// Organizations and their teams. The installation's administrators make organizations; an organization's admins (and
/// the installation's) change its teams. Only members (and the installation's administrators) see one: to anyone else
/// it does not exist (404).
/// </summary>
public sealed class OrganizationService(IAccountStore accounts, OrganizationMembers members, ApiKeyService keys, TimeProvider clock)
{
    private static readonly string Roles = string.Join(", ", ApiNames.All<Role>());

    public static IReadOnlyDictionary<string, Func<OrganizationResource, string?>> FilterFields { get; } =
        new Dictionary<string, Func<OrganizationResource, string?>> { ["name"] = o => o.Name };

    public static IReadOnlyDictionary<string, Func<TeamResource, string?>> TeamFilterFields { get; } =
        new Dictionary<string, Func<TeamResource, string?>> { ["name"] = t => t.Name, ["role"] = t => t.Role };

    public async Task<OrganizationResource> CreateAsync(Caller caller, CreateOrganizationRequest request, CancellationToken cancellationToken)
    {
        UserService.DemandInstallationAdmin(caller, "Making an organization");
        var validator = new Validator().Name("name", request.Name);
        var owners = await MembersAsync(validator, "owners", request.Owners, cancellationToken);
        validator.Require(request.Owners is { Count: > 0 }, "owners", "must name at least one user: an organization always has an admin.");
        validator.ThrowIfInvalid();
        var organization = new Organization
        {
            Name = request.Name!,
            CreatedAt = clock.GetUtcNow(),
            Teams = [new Team(Organization.OwnersTeam, Role.Admin, owners)],
        };
        if (!await accounts.AddOrganizationAsync(organization, cancellationToken))
            throw new ResourceConflictException($"The name '{organization.Name}' is taken by a user or an organization.");
        return OrganizationResource.From(organization);
    }

    public async Task<(IReadOnlyList<OrganizationResource> Items, int Total)> ListAsync(Caller caller, ListRequest request, CancellationToken cancellationToken)
    {
        var organizations = (await accounts.ListAsync(cancellationToken))
            .Select(o => o.Organization)
            .OfType<Organization>()
            .Where(o => !o.Removed && (caller.IsInstallationAdmin || o.RoleOf(caller.User) is not null))
            .OrderBy(o => o.CreatedAt)
            .Select(OrganizationResource.From);
        return InMemoryLists.Apply(organizations, request, FilterFields);
    }

    public async Task<OrganizationResource> GetAsync(Caller caller, string name, CancellationToken cancellationToken) =>
        OrganizationResource.From(await VisibleAsync(caller, name, cancellationToken));

    /// <summary>
    /// Removes the organization (administrators of the installation): its members' keys bound to it are revoked, its
    /// teams end, and its name stays taken for good, so that nobody reaches what is left in its namespace.
    /// </summary>
    public async Task<OrganizationResource> RemoveAsync(Caller caller, string name, CancellationToken cancellationToken)
    {
        UserService.DemandInstallationAdmin(caller, "Removing an organization");
        var organization = await VisibleAsync(caller, name, cancellationToken);
        // Marked removed first: from then on it gives nobody a role, whatever happens to the revocations below.
        await accounts.ReplaceOrganizationAsync(organization with { Removed = true }, cancellationToken);
        foreach (var member in organization.Teams.SelectMany(t => t.Members).Distinct(StringComparer.Ordinal))
            await keys.RevokeAllAsync(member, cancellationToken, inNamespace: organization.Name);
        return OrganizationResource.From(organization);
    }

    public async Task<(IReadOnlyList<TeamResource> Items, int Total)> ListTeamsAsync(
        Caller caller, string organization, ListRequest request, CancellationToken cancellationToken)
    {
        var found = await VisibleAsync(caller, organization, cancellationToken);
        return InMemoryLists.Apply(found.Teams.Select(t => TeamResource.From(found, t)), request, TeamFilterFields);
    }

    public async Task<TeamResource> GetTeamAsync(Caller caller, string organization, string team, CancellationToken cancellationToken)
    {
        var found = await VisibleAsync(caller, organization, cancellationToken);
        return TeamResource.From(found, TeamOf(found, team));
    }

    public async Task<TeamResource> CreateTeamAsync(Caller caller, string organization, TeamRequest request, CancellationToken cancellationToken)
    {
        var found = await ManagedAsync(caller, organization, cancellationToken);
        var validator = new Validator().Name("name", request.Name);
        var role = ParseRole(validator, request.Role, required: true);
        var teamMembers = await MembersAsync(validator, "members", request.Members, cancellationToken);
        validator.ThrowIfInvalid();
        var team = new Team(request.Name!, role!.Value, teamMembers);
        var stored = await members.ChangeAsync(found.Name, o =>
            o.Team(team.Name) is not null ? throw new ResourceConflictException($"Organization '{o.Name}' has a team '{team.Name}' already.")
            : Fitting(o.WithTeam(team.Name, team)), cancellationToken);
        return TeamResource.From(stored, TeamOf(stored, team.Name));
    }

    public async Task<TeamResource> PatchTeamAsync(Caller caller, string organization, string team, TeamRequest request, CancellationToken cancellationToken)
    {
        var found = await ManagedAsync(caller, organization, cancellationToken);
        _ = TeamOf(found, team);
        var validator = new Validator().Require(request.Name is null, "name", "cannot change; make a new team instead.");
        var role = ParseRole(validator, request.Role, required: false);
        var teamMembers = request.Members is null ? null : await MembersAsync(validator, "members", request.Members, cancellationToken);
        validator.ThrowIfInvalid();
        var stored = await members.ChangeAsync(found.Name, o =>
        {
            var current = TeamOf(o, team);
            return Fitting(o.WithTeam(current.Name, current with { Role = role ?? current.Role, Members = teamMembers ?? current.Members }));
        }, cancellationToken);
        return TeamResource.From(stored, TeamOf(stored, team));
    }

    public async Task<TeamResource> DeleteTeamAsync(Caller caller, string organization, string team, CancellationToken cancellationToken)
    {
        var found = await ManagedAsync(caller, organization, cancellationToken);
        var removed = TeamOf(found, team);
        await members.ChangeAsync(found.Name, o => o.WithTeam(TeamOf(o, team).Name, null), cancellationToken);
        return TeamResource.From(found, removed);
    }

    /// <summary>An organization the caller is a member of (any organization to an administrator of the installation); else 404.</summary>
    private async Task<Organization> VisibleAsync(Caller caller, string name, CancellationToken cancellationToken) =>
        await accounts.FindAsync(name, cancellationToken) is { Organization: { Removed: false } organization } && (caller.IsInstallationAdmin || organization.RoleOf(caller.User) is not null)
            ? organization
            : throw new ResourceNotFoundException("organization", name);

    /// <summary>A visible organization whose teams the caller may change: as one of its admins, with an admin key; else 403.</summary>
    private async Task<Organization> ManagedAsync(Caller caller, string name, CancellationToken cancellationToken)
    {
        var organization = await VisibleAsync(caller, name, cancellationToken);
        if (caller.Role != Role.Admin || !(caller.IsInstallationAdmin || organization.RoleOf(caller.User) == Role.Admin))
            throw new RoleRequiredException(Role.Admin, $"Changing the teams of organization '{organization.Name}'");
        return organization;
    }

    private static Team TeamOf(Organization organization, string name) =>
        organization.Team(name) ?? throw new ResourceNotFoundException("team", name);

    private static Role? ParseRole(Validator validator, string? text, bool required)
    {
        if (text is null && !required)
            return null;
        validator.Require(ApiNames.TryParse(text, out Role role), "role", $"must be one of {Roles}.");
        return role;
    }

    /// <summary>The user names, in lower case and each once, after checking that each is a user's (400 naming the field otherwise).</summary>
    private async Task<IReadOnlyList<string>> MembersAsync(Validator validator, string field, IReadOnlyList<string>? names, CancellationToken cancellationToken)
    {
        var distinct = (names ?? []).Select(n => n.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count > Organization.MaxMemberships)
        {
            validator.Add(field, $"must name at most {Organization.MaxMemberships} users.");
            return [];
        }

        foreach (var name in distinct)
        {
            if (ResourceNames.Check(name) is { } problem)
                validator.Add(field, "user names " + problem);
            else if (await accounts.FindAsync(name, cancellationToken) is not { User.Removed: false })
                validator.Add(field, $"'{name}' is not a user.");
        }

        return distinct;
    }

    private static Organization Fitting(Organization organization) =>
        organization.Teams.Count > Organization.MaxTeams ? throw new ResourceConflictException($"An organization has at most {Organization.MaxTeams} teams.")
        : organization.Memberships > Organization.MaxMemberships ? throw new ResourceConflictException($"An organization has at most {Organization.MaxMemberships} memberships in all its teams.")
        : organization;
}
