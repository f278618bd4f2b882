namespace FunctionsCloud.Domain.Accounts;

/// <summary>Users who share one role on their organization's namespace. Members are user names in lower case.</summary>
public sealed record Team(string Name, Role Role, IReadOnlyList<string> Members)
{
    public bool Has(string user) => Members.Contains(user.ToLowerInvariant(), StringComparer.Ordinal);
}
