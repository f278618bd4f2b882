using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Domain.Accounts;
using FunctionsCloud.Storage.Users;

namespace FunctionsCloud.Application.Users;

/// <summary>
/// Changes an organization's teams as one write over everyone's standing, refusing any change that would leave it
/// without an admin who can act, and tells every instance, whose remembered keys may now stand for other roles.
/// </summary>
public sealed class OrganizationMembers(IAccountStore accounts, RevocationWatch revocations)
{
    /// <summary>Applies <paramref name="change"/> to the organization as stored (it may run more than once); answers it as written.</summary>
    public async Task<Organization> ChangeAsync(string organization, Func<Organization, Organization> change, CancellationToken cancellationToken)
    {
        var written = await accounts.ChangeAsync(everyone =>
        {
            var current = everyone.Select(o => o.Organization).FirstOrDefault(o => o is { Removed: false } && string.Equals(o.Name, organization, StringComparison.OrdinalIgnoreCase))
                ?? throw new ResourceNotFoundException("organization", organization);
            return AdministratorsRemain.Checked(everyone, new AccountChange([], [change(current)]));
        }, cancellationToken);
        await revocations.PublishAsync(cancellationToken);
        return written.Organizations[0];
    }
}
