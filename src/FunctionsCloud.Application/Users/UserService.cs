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
public sealed class UserService(IAccountStore accounts, ApiKeyService keys, RevocationWatch revocations, TimeProvider clock)
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
            Name = request.Username!, Email = Cleared(request.Email), FullName = Cleared(request.FullName), IsInstallationAdmin = request.IsInstallationAdmin == true, CreatedAt = clock.GetUtcNow(),
        };
        if (!await accounts.AddUserAsync(user, cancellationToken))
            throw new ResourceConflictException($"The name '{user.Name}' is taken by a user or an organization, or was a user's before.");
        var firstKey = await keys.IssueAsync(new KeyGrant(user.Name, user.Name, FirstKeyLabel, Role.Admin, user.IsInstallationAdmin), cancellationToken);
        return UserResource.From(user, firstKey);
    }

    /// <summary>An administrator of the installation sees every user; anyone else only themselves.</summary>
    public async Task<(IReadOnlyList<UserResource> Items, int Total)> ListAsync(Caller caller, ListRequest request, CancellationToken cancellationToken)
    {
        var users = (await accounts.ListAsync(cancellationToken))
            .Select(o => o.User)
            .OfType<UserAccount>()
            .Where(u => !u.Removed && (caller.IsInstallationAdmin || IsCaller(caller, u.Name)))
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
            .Require(request is not { Email: null, FullName: null, IsInstallationAdmin: null, IsActive: null }, "body", "must change at least one of email, full_name, is_admin, is_active.");
        validator.ThrowIfInvalid();
        var change = await accounts.ChangeAsync(everyone =>
        {
            var changed = Patched(LiveUser(everyone, name), request);
            return AdministratorsRemain.Checked(everyone, new AccountChange([changed], []));
        }, cancellationToken);

        // Remembered keys carry whether their user administers the installation and may act at all.
        if (request.ChangesStanding)
            await revocations.PublishAsync(cancellationToken);
        return UserResource.From(change.Users[0]);
    }

    /// <summary>
    /// Refused (409, nothing changed) when the user is the last admin of an organization, or the installation's last
    /// administrator. The user is marked removed (from then on their keys are refused) and leaves their organizations in
    /// one write; their keys are revoked after it.
    /// </summary>
    public async Task<UserResource> RemoveAsync(Caller caller, string name, CancellationToken cancellationToken)
    {
        DemandInstallationAdmin(caller, "Removing a user");
        var user = await VisibleAsync(caller, name, cancellationToken);
        await accounts.ChangeAsync(everyone =>
        {
            var current = LiveUser(everyone, name);
            var organizations = everyone.Select(o => o.Organization).OfType<Organization>().Where(o => o.RoleOf(current.Name) is not null)
                .Select(o => o.Without(current.Name)).ToList();
            if (organizations.Count >= AccountChange.MaxRows)
                throw new ResourceConflictException($"'{current.Name}' is a member of {organizations.Count} organizations; take them out of some first.");
            return AdministratorsRemain.Checked(everyone, new AccountChange([current with { Removed = true }], organizations));
        }, cancellationToken);
        await revocations.PublishAsync(cancellationToken);
        await keys.RevokeAllAsync(user.Name, cancellationToken);
        return UserResource.From(user);
    }

    private static UserAccount Patched(UserAccount user, PatchUserRequest request) => user with
    {
        Email = request.Email is null ? user.Email : Cleared(request.Email),
        FullName = request.FullName is null ? user.FullName : Cleared(request.FullName),
        IsInstallationAdmin = request.IsInstallationAdmin ?? user.IsInstallationAdmin,
        IsActive = request.IsActive ?? user.IsActive,
    };

    /// <summary>The user of that name as read inside a change; 404 when they were removed meanwhile.</summary>
    private static UserAccount LiveUser(IReadOnlyList<NamespaceOwner> everyone, string name) =>
        everyone.Select(o => o.User).FirstOrDefault(u => u is { Removed: false } && SameName(u.Name, name))
        ?? throw new ResourceNotFoundException("user", name);

    private static Validator ValidContact(Validator validator, string? email, string? fullName) => validator
        .Text("email", email, MaxEmailLength)
        .Require(string.IsNullOrEmpty(email) || email.Contains('@', StringComparison.Ordinal), "email", "must be an e-mail address.")
        .Text("full_name", fullName, MaxFullNameLength)
        .Require(fullName is null || !fullName.Any(char.IsControl), "full_name", "must not hold control characters.");

    /// <summary>An empty text clears the field.</summary>
    private static string? Cleared(string? text) => string.IsNullOrEmpty(text) ? null : text;

    public static void DemandInstallationAdmin(Caller caller, string what)
    {
        if (!caller.IsInstallationAdmin || caller.Role != Role.Admin)
            throw new InstallationAdminRequiredException(what);
    }

    /// <summary>A live user the caller may see: themselves, or anyone to an administrator of the installation; else 404.</summary>
    private async Task<UserAccount> VisibleAsync(Caller caller, string name, CancellationToken cancellationToken) =>
        (caller.IsInstallationAdmin || IsCaller(caller, name)) && await accounts.FindAsync(name, cancellationToken) is { User: { Removed: false } user }
            ? user
            : throw new ResourceNotFoundException("user", name);

    private static bool IsCaller(Caller caller, string name) => SameName(caller.User, name);

    private static bool SameName(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
