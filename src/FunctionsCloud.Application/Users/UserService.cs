using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.ApiKeys;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Domain.Accounts;
using FunctionsCloud.Domain.Validation;
using FunctionsCloud.Storage.Users;

namespace FunctionsCloud.Application.Users;

/// <summary>
/// The installation's users. Its administrators make them, each with a first admin key of their own namespace, and
/// remove them: their keys are revoked (every instance refuses them within seconds), their memberships end, and the
/// name stays taken so that nobody else ever gets what is left in their namespace.
/// </summary>
public sealed class UserService(IAccountStore accounts, ApiKeyService keys, OrganizationMembers members, RevocationWatch revocations, TimeProvider clock)
{
    public const string FirstKeyLabel = "first";
    public const int MaxEmailLength = 254;
    public const int MaxFullNameLength = 255;

    public static IReadOnlyDictionary<string, Func<UserResource, string?>> FilterFields { get; } =
        new Dictionary<string, Func<UserResource, string?>> { ["username"] = u => u.Username };

    public async Task<UserResource> CreateAsync(Caller caller, CreateUserRequest request, CancellationToken cancellationToken)
    {
        DemandInstallationAdmin(caller, "Making a user");
        ValidContact(new Validator().Name("username", request.Username), request.Email, request.FullName).ThrowIfInvalid();
        var user = new UserAccount
        {
            Name = request.Username!, Email = Cleared(request.Email), FullName = Cleared(request.FullName), IsAdmin = request.IsAdmin == true, CreatedAt = clock.GetUtcNow(),
        };
        if (!await accounts.AddUserAsync(user, cancellationToken))
            throw new ResourceConflictException($"The name '{user.Name}' is taken by a user or an organization, or was a user's before.");
        var firstKey = await keys.IssueAsync(new KeyGrant(user.Name, user.Name, FirstKeyLabel, Role.Admin, user.IsAdmin), cancellationToken);
        return UserResource.From(user, firstKey);
    }

    /// <summary>An administrator of the installation sees every user; anyone else only themselves.</summary>
    public async Task<(IReadOnlyList<UserResource> Items, int Total)> ListAsync(Caller caller, ListRequest request, CancellationToken cancellationToken)
    {
        var users = (await accounts.ListAsync(cancellationToken))
            .Select(o => o.User)
            .OfType<UserAccount>()
            .Where(u => !u.Removed && (caller.IsAdmin || IsCaller(caller, u.Name)))
            .OrderBy(u => u.CreatedAt)
            .Select(u => UserResource.From(u));
        return InMemoryLists.Apply(users, request, FilterFields);
    }

    public async Task<UserResource> GetAsync(Caller caller, string name, CancellationToken cancellationToken) =>
        UserResource.From(await VisibleAsync(caller, name, cancellationToken));

    /// <summary>
    /// Users change their own e-mail and full name; administrators of the installation change anyone's, and whether they
    /// are administrators or active. Refused (409, nothing changed) when it would leave the installation or an
    /// organization without an administrator who can act.
    /// </summary>
    public async Task<UserResource> PatchAsync(Caller caller, string name, PatchUserRequest request, CancellationToken cancellationToken)
    {
        var user = await VisibleAsync(caller, name, cancellationToken);
        if (request.ChangesStanding)
            DemandInstallationAdmin(caller, "Changing is_admin or is_active");
        var validator = ValidContact(new Validator(), request.Email, request.FullName)
            .Require(request.Username is null || SameName(request.Username, user.Name), "username", "cannot change: it is the user's namespace.")
            .Require(request is not { Email: null, FullName: null, IsAdmin: null, IsActive: null }, "body", "must change at least one of email, full_name, is_admin, is_active.");
        validator.ThrowIfInvalid();
        var changed = user with
        {
            Email = request.Email is null ? user.Email : Cleared(request.Email),
            FullName = request.FullName is null ? user.FullName : Cleared(request.FullName),
            IsAdmin = request.IsAdmin ?? user.IsAdmin,
            IsActive = request.IsActive ?? user.IsActive,
        };
        if (user.IsActingAdmin && !changed.IsActingAdmin)
            EnsureAnotherAdministrator(await accounts.ListAsync(cancellationToken), user);
        if (user.IsActive && !changed.IsActive)
            await EnsureOrganizationsKeepAnActiveAdminAsync(user.Name, cancellationToken);

        await accounts.ReplaceUserAsync(changed, cancellationToken);
        // Remembered keys carry whether their user administers the installation and may act at all.
        if (changed.IsAdmin != user.IsAdmin || changed.IsActive != user.IsActive)
            await revocations.PublishAsync(cancellationToken);
        return UserResource.From(changed);
    }

    /// <summary>Refused (409, nothing changed) when the user is the last admin of an organization, or the installation's last administrator.</summary>
    public async Task<UserResource> RemoveAsync(Caller caller, string name, CancellationToken cancellationToken)
    {
        DemandInstallationAdmin(caller, "Removing a user");
        var user = await VisibleAsync(caller, name, cancellationToken);
        var everyone = await accounts.ListAsync(cancellationToken);
        if (user.IsActingAdmin)
            EnsureAnotherAdministrator(everyone, user);
        var organizations = everyone.Select(o => o.Organization).OfType<Organization>().Where(o => o.RoleOf(user.Name) is not null).ToList();
        members.EnsureAdminsRemainWithout(organizations, user.Name);

        foreach (var organization in organizations)
            await members.RemoveAsync(organization, user.Name, cancellationToken);
        await keys.RevokeAllAsync(user.Name, cancellationToken);
        await accounts.ReplaceUserAsync(user with { Removed = true }, cancellationToken);
        return UserResource.From(user);
    }

    private static void EnsureAnotherAdministrator(IReadOnlyList<NamespaceOwner> everyone, UserAccount user)
    {
        if (!everyone.Any(o => o.User is { IsActingAdmin: true } other && !SameName(other.Name, user.Name)))
            throw new ResourceConflictException($"'{user.Name}' is the installation's last active administrator; make another one first.");
    }

    /// <summary>A suspended admin cannot act for an organization: each of theirs must keep an active admin without them.</summary>
    private async Task EnsureOrganizationsKeepAnActiveAdminAsync(string user, CancellationToken cancellationToken)
    {
        var everyone = await accounts.ListAsync(cancellationToken);
        var inactive = everyone.Select(o => o.User).OfType<UserAccount>().Where(u => !u.IsActive || u.Removed).Select(u => u.Name).Append(user).ToList();
        var organizations = everyone.Select(o => o.Organization).OfType<Organization>().Where(o => o.RoleOf(user) is not null);
        members.EnsureAdminsRemainWithout(organizations.Select(o => inactive.Aggregate(o, (left, name) => left.Without(name))), user);
    }

    private static Validator ValidContact(Validator validator, string? email, string? fullName) => validator
        .Text("email", email, MaxEmailLength)
        .Require(string.IsNullOrEmpty(email) || email.Contains('@', StringComparison.Ordinal), "email", "must be an e-mail address.")
        .Text("full_name", fullName, MaxFullNameLength)
        .Require(fullName is null || !fullName.Any(char.IsControl), "full_name", "must not hold control characters.");

    /// <summary>An empty text clears the field.</summary>
    private static string? Cleared(string? text) => string.IsNullOrEmpty(text) ? null : text;

    public static void DemandInstallationAdmin(Caller caller, string what)
    {
        if (!caller.IsAdmin || caller.Role != Role.Admin)
            throw new InstallationAdminRequiredException(what);
    }

    /// <summary>A live user the caller may see: themselves, or anyone to an administrator of the installation; else 404.</summary>
    private async Task<UserAccount> VisibleAsync(Caller caller, string name, CancellationToken cancellationToken) =>
        (caller.IsAdmin || IsCaller(caller, name)) && await accounts.FindAsync(name, cancellationToken) is { User: { Removed: false } user }
            ? user
            : throw new ResourceNotFoundException("user", name);

    private static bool IsCaller(Caller caller, string name) => SameName(caller.User, name);

    private static bool SameName(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
