using FunctionsCloud.Application.Api;
using FunctionsCloud.Domain.Accounts;
using FunctionsCloud.Storage.Users;

namespace FunctionsCloud.Application.Users;

/// <summary>
/// The installation and each organization keep an administrator who can act (not suspended, not removed): a change of
/// users or teams that would take away the last one is refused (409) before anything is written. Checked inside
/// <see cref="IAccountStore.ChangeAsync"/>, so it holds against changes made at the same moment elsewhere.
/// </summary>
public static class AdministratorsRemain
{
    /// <summary>The change, when everyone as <paramref name="before"/> holds them keeps their administrators after it.</summary>
    public static AccountChange Checked(IReadOnlyList<NamespaceOwner> before, AccountChange change)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(change);
        var after = Applied(before, change);
        if (HasInstallationAdmin(before) && !HasInstallationAdmin(after))
            throw new ResourceConflictException(
                $"'{string.Join("', '", change.Users.Select(u => u.Name))}' is the installation's last active administrator; make another one first.");
        var (activeBefore, activeAfter) = (ActiveUsers(before), ActiveUsers(after));
        var standingBefore = before.Select(o => o.Organization).OfType<Organization>()
            .ToDictionary(o => o.Name, o => AdminStanding(o, activeBefore), StringComparer.OrdinalIgnoreCase);
        foreach (var organization in after.Select(o => o.Organization).OfType<Organization>().Where(o => !o.Removed))
        {
            if (AdminStanding(organization, activeAfter) < standingBefore.GetValueOrDefault(organization.Name))
                throw new ResourceConflictException(
                    $"That would leave organization '{organization.Name}' without an admin; give another member the admin role first.");
        }

        return change;
    }

    private static bool HasInstallationAdmin(IEnumerable<NamespaceOwner> everyone) => everyone.Any(o => o.User is { IsActingInstallationAdmin: true });

    /// <summary>2 with an admin who can act, 1 with admins who are all suspended, 0 with none: a change may not lower it.</summary>
    private static int AdminStanding(Organization organization, HashSet<string> activeUsers)
    {
        var admins = organization.Teams.Where(t => t.Role == Role.Admin).SelectMany(t => t.Members).ToList();
        return admins.Any(activeUsers.Contains) ? 2 : admins.Count > 0 ? 1 : 0;
    }

    private static HashSet<string> ActiveUsers(IEnumerable<NamespaceOwner> everyone) =>
        everyone.Select(o => o.User).OfType<UserAccount>().Where(u => u.IsActive && !u.Removed)
            .Select(u => u.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static List<NamespaceOwner> Applied(IReadOnlyList<NamespaceOwner> before, AccountChange change) =>
        before.Select(o => new NamespaceOwner(
                o.User is { } user ? change.Users.FirstOrDefault(u => SameName(u.Name, user.Name)) ?? user : null,
                o.Organization is { } organization ? change.Organizations.FirstOrDefault(c => SameName(c.Name, organization.Name)) ?? organization : null))
            .ToList();

    private static bool SameName(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
