using FunctionsCloud.Domain.Accounts;
using FunctionsCloud.Storage.ApiKeys;
using FunctionsCloud.Storage.Users;

namespace FunctionsCloud.Application.Authentication;

/// <summary>
/// What a user may do in a namespace: admin of their own, their teams' strongest role in an organization's, nothing in
/// another user's, nothing at all once removed or while suspended. A key's role narrows it further. A namespace nobody holds is one from
/// before users existed (the bootstrap key's, when it is not the bootstrap user's own name): there the key's role stands.
/// </summary>
public sealed class NamespaceAccess(IAccountStore accounts, IApiKeyStore keys, TimeProvider clock)
{
    /// <summary>The caller a key stands for now, or null when its user lost every right in its namespace. One or two point reads.</summary>
    public async Task<Caller?> CallerOfAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        var (account, role) = await StandingAsync(key.User, key.Namespace, key.Role, cancellationToken);
        if (role is not { } held)
            return null;
        // The installation's administrators are users marked so now (a user made one later acts as one with the keys they
        // have; one unmade stops at once); a key of a user from before users existed keeps its mark.
        var isInstallationAdmin = account is null ? key.IsInstallationAdmin : account.IsInstallationAdmin;
        return new Caller(key.User, key.Namespace, isInstallationAdmin, (Role)Math.Min((int)held, (int)key.Role), key.Label, key.ExpiresAt);
    }

    /// <summary>The user's own role on the namespace, or null when they have none there (or it is held by nobody).</summary>
    public async Task<Role?> RoleOfAsync(string user, string @namespace, CancellationToken cancellationToken) =>
        (await StandingAsync(user, @namespace, unheld: null, cancellationToken)).Role;

    /// <summary>
    /// Whether the user may still run operations in the namespace without a key at hand (a trigger they made): their
    /// role there is operator or more, and so is that of one of their usable keys of that namespace.
    /// </summary>
    public async Task<bool> MayOperateAsync(string user, string @namespace, CancellationToken cancellationToken)
    {
        var (_, role) = await StandingAsync(user, @namespace, Role.Admin, cancellationToken);
        if (role is null or < Role.Operator)
            return false;
        var now = clock.GetUtcNow();
        return (await keys.ListAsync(user, cancellationToken)).Any(k =>
            k.IsUsableAt(now) && k.Role >= Role.Operator && string.Equals(k.Namespace, @namespace, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<(UserAccount? Account, Role? Role)> StandingAsync(string user, string @namespace, Role? unheld, CancellationToken cancellationToken)
    {
        var own = string.Equals(user, @namespace, StringComparison.OrdinalIgnoreCase);
        var holder = await accounts.FindAsync(@namespace, cancellationToken);
        var account = own ? holder?.User : (await accounts.FindAsync(user, cancellationToken))?.User;
        if (account is { Removed: true } or { IsActive: false })
            return (account, null);
        var role = holder switch
        {
            { Organization: { } organization } => organization.RoleOf(user),
            { User: not null } => own ? Role.Admin : null,
            _ => own ? Role.Admin : unheld,
        };
        return (account, role);
    }
}
