using FunctionsCloud.Domain.Accounts;

namespace FunctionsCloud.Storage.Users;

/// <summary>Users and organizations, which share one set of names: the namespaces.</summary>
public interface IAccountStore
{
    /// <summary>Whoever holds the name (case-insensitive), or null when nobody does. One point read.</summary>
    Task<NamespaceOwner?> FindAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Adds the user unless the name is taken by a user (removed or not) or an organization: false then.</summary>
    Task<bool> AddUserAsync(UserAccount user, CancellationToken cancellationToken = default);

    /// <summary>Adds the organization unless the name is taken: false then.</summary>
    Task<bool> AddOrganizationAsync(Organization organization, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads every user and organization, lets <paramref name="decide"/> choose what to change, and writes that in one
    /// transaction, each row over the copy read and the accounts' version row with If-Match: when anything changed
    /// since (a user's standing, an organization's teams) nothing lands, and it reads and decides again. So a check over
    /// everyone ("another administrator remains") still holds when its change lands, across instances.
    /// <paramref name="decide"/> may run more than once and may throw to refuse (nothing is written). Answers the change written.
    /// </summary>
    Task<AccountChange> ChangeAsync(Func<IReadOnlyList<NamespaceOwner>, AccountChange> decide, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the organization (to mark it removed) if it is still at <see cref="Organization.Version"/>, else throws
    /// <see cref="Concurrency.ConcurrencyConflictException"/>. Answers it at its new version.
    /// </summary>
    Task<Organization> ReplaceOrganizationAsync(Organization organization, CancellationToken cancellationToken = default);

    /// <summary>Every user, removed ones included, and every organization.</summary>
    Task<IReadOnlyList<NamespaceOwner>> ListAsync(CancellationToken cancellationToken = default);
}
