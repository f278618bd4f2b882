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
public sealed class UserService(IAccountStore accounts, ApiKeyService keys, OrganizationMembers members, TimeProvider clock)
{
    public const string FirstKeyLabel = "first";
    public const int MaxEmailLength = 254;

    public static IReadOnlyDictionary<string, Func<UserResource, string?>> FilterFields { get; } =
        new Dictionary<string, Func<UserResource, string?>> { ["username"] = u => u.Username };

    public async Task<UserResource> CreateAsync(Caller caller, CreateUserRequest request, CancellationToken cancellationToken)
    {
        DemandInstallationAdmin(caller, "Making a user");
        new Validator()
            .Name("username", request.Username)
            .Text("email", request.Email, MaxEmailLength)
            .Require(request.Email is null || request.Email.Contains('@', StringComparison.Ordinal), "email", "must be an e-mail address.")
            .ThrowIfInvalid();
        var user = new UserAccount { Name = request.Username!, Email = request.Email, IsAdmin = request.IsAdmin == true, CreatedAt = clock.GetUtcNow() };
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

    /// <summary>Refused (409, nothing changed) when the user is the last admin of an organization, or the installation's last administrator.</summary>
    public async Task<UserResource> RemoveAsync(Caller caller, string name, CancellationToken cancellationToken)
    {
        DemandInstallationAdmin(caller, "Removing a user");
        var user = await VisibleAsync(caller, name, cancellationToken);
        var everyone = await accounts.ListAsync(cancellationToken);
        if (user.IsAdmin && !everyone.Any(o => o.User is { Removed: false, IsAdmin: true } other && !SameName(other.Name, user.Name)))
            throw new ResourceConflictException($"'{user.Name}' is the installation's last administrator; make another one first.");
        var organizations = everyone.Select(o => o.Organization).OfType<Organization>().Where(o => o.RoleOf(user.Name) is not null).ToList();
        members.EnsureAdminsRemainWithout(organizations, user.Name);

        foreach (var organization in organizations)
            await members.RemoveAsync(organization, user.Name, cancellationToken);
        await keys.RevokeAllAsync(user.Name, cancellationToken);
        await accounts.ReplaceUserAsync(user with { Removed = true }, cancellationToken);
        return UserResource.From(user);
    }

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
