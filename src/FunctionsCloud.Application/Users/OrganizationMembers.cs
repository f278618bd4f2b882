using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Domain.Accounts;
using FunctionsCloud.Storage.Concurrency;
using FunctionsCloud.Storage.Users;

namespace FunctionsCloud.Application.Users;

/// <summary>
/// Changes an organization's teams as one write guarded by its version, refusing any change that would leave it
/// without an admin, and tells every instance, whose remembered keys may now stand for other roles.
/// </summary>
public sealed class OrganizationMembers(IAccountStore accounts, RevocationWatch revocations)
{
    /// <summary>Applies <paramref name="change"/> to the stored organization, reading it again when someone changed it meanwhile.</summary>
    public async Task<Organization> ChangeAsync(Organization organization, Func<Organization, Organization> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var changed = change(organization);
            EnsureAdmin(changed);
            try
            {
                var stored = await accounts.ReplaceOrganizationAsync(changed, cancellationToken);
                await revocations.PublishAsync(cancellationToken);
                return stored;
            }
            catch (ConcurrencyConflictException) when (attempt < OptimisticUpdate.MaxAttempts)
            {
                organization = (await accounts.FindAsync(organization.Name, cancellationToken))?.Organization
                    ?? throw new ResourceNotFoundException("organization", organization.Name);
            }
        }
    }

    public Task<Organization> RemoveAsync(Organization organization, string user, CancellationToken cancellationToken) =>
        ChangeAsync(organization, o => o.Without(user), cancellationToken);

    /// <summary>Refuses, before anything changes, when the user is the last admin of any of the organizations.</summary>
    public void EnsureAdminsRemainWithout(IEnumerable<Organization> organizations, string user)
    {
        foreach (var organization in organizations)
            EnsureAdmin(organization.Without(user));
    }

    private static void EnsureAdmin(Organization organization)
    {
        if (!organization.HasAdmin)
            throw new ResourceConflictException(
                $"That would leave organization '{organization.Name}' without an admin; give another member the admin role first.");
    }
}
