namespace FunctionsCloud.Domain.Accounts;

/// <summary>
/// A namespace shared by teams of users. Kept whole in one stored row, so that every change of its teams is checked
/// against all of them at once: it always keeps at least one member with the admin role.
/// </summary>
public sealed record Organization
{
    /// <summary>The team an organization starts with: admin, holding the members it was made with.</summary>
    public const string OwnersTeam = "owners";

    /// <summary>Teams and members, all teams together: one row holds them with room to spare.</summary>
    public const int MaxTeams = 20;
    public const int MaxMemberships = 200;

    public required string Name { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public IReadOnlyList<Team> Teams { get; init; } = [];
    public string? Version { get; init; }

    /// <summary>
    /// Removed by an administrator of the installation: it keeps its name for good (so nobody inherits what is left in
    /// its namespace) and gives nobody a role.
    /// </summary>
    public bool Removed { get; init; }

    /// <summary>The strongest role the user has through their teams, or null when they are in none (or it was removed).</summary>
    public Role? RoleOf(string user) => Removed ? null :
        Teams.Where(t => t.Has(user)).Select(t => (Role?)t.Role).DefaultIfEmpty(null).Max();

    public bool HasAdmin => Teams.Any(t => t.Role == Role.Admin && t.Members.Count > 0);

    public Team? Team(string name) => Teams.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    public int Memberships => Teams.Sum(t => t.Members.Count);

    /// <summary>The organization with that team replaced (or added, or with <paramref name="team"/> null, removed).</summary>
    public Organization WithTeam(string name, Team? team) => this with
    {
        Teams = [.. Teams.Where(t => !string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)), .. team is null ? [] : new[] { team }],
    };

    /// <summary>The organization without the user in any team.</summary>
    public Organization Without(string user) => this with
    {
        Teams = Teams.Select(t => t with { Members = t.Members.Where(m => m != user.ToLowerInvariant()).ToList() }).ToList(),
    };
}
