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

    /// <summary>Replaces a stored user (to mark it removed).</summary>
    Task ReplaceUserAsync(UserAccount user, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the organization if it is still at <see cref="Organization.Version"/>, else throws
    /// <see cref="Concurrency.ConcurrencyConflictException"/>. Answers it at its new version.
    /// </summary>
    Task<Organization> ReplaceOrganizationAsync(Organization organization, CancellationToken cancellationToken = default);

    /// <summary>Every user, removed ones included, and every organization.</summary>
    Task<IReadOnlyList<NamespaceOwner>> ListAsync(CancellationToken cancellationToken = default);
}
