using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.Configuration;
using FunctionsCloud.Domain.Accounts;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Domain.Validation;
using FunctionsCloud.Storage.ApiKeys;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.ApiKeys;

/// <summary>
/// A user's API keys: made for the caller, each bound to one namespace with at most the user's role there, shown once,
/// stored hashed, listed without the key, revoked for good. Revoking tells every instance (<see cref="RevocationWatch"/>).
/// </summary>
public sealed class ApiKeyService(
    IApiKeyStore keys,
    IApiKeyCreationCounter creations,
    NamespaceAccess access,
    RevocationWatch revocations,
    IOptions<FunctionsCloudOptions> options,
    TimeProvider clock)
{
    public const int MinLifetimeSeconds = 60;
    public const int MaxLifetimeSeconds = 366 * 24 * 3600;
    public const int MaxKeysPerUser = 100;

    private static readonly string Roles = string.Join(", ", ApiNames.All<Role>());

    public async Task<ApiKeyResource> CreateAsync(Caller caller, CreateApiKeyRequest request, CancellationToken cancellationToken)
    {
        var parsed = Role.ReadOnly;
        var validator = new Validator()
            .Name("label", request.Label)
            .Require(request.Role is null || ApiNames.TryParse(request.Role, out parsed), "role", $"must be one of {Roles}.");
        if (request.Namespace is not null)
            validator.Name("namespace", request.Namespace);
        if (request.ExpiresIn is { } seconds)
            validator.Range("expires_in", seconds, MinLifetimeSeconds, MaxLifetimeSeconds);
        validator.ThrowIfInvalid();
        var @namespace = request.Namespace ?? caller.Namespace;
        var allowed = await AllowedRoleAsync(caller, @namespace, cancellationToken);
        var granted = request.Role is null ? allowed : parsed;
        if (granted > allowed)
            throw new RoleRequiredException(granted, $"A key with the {ApiNames.Of(granted)} role");

        var now = clock.GetUtcNow();
        if (!await creations.TryCountAsync(caller.User, now, options.Value.ApiKeysPerMinute, cancellationToken))
            throw new RateLimitedException(
                $"You made {options.Value.ApiKeysPerMinute} keys this minute, the most a user may; try again in {RateLimitedException.RestOfMinute(now).TotalSeconds} seconds.",
                RateLimitedException.RestOfMinute(now));

        return await IssueAsync(
            new KeyGrant(caller.User, @namespace, request.Label!, granted, caller.IsInstallationAdmin && granted == Role.Admin,
                CappedByCallersKey(caller, request.ExpiresIn is { } lifetime ? now.AddSeconds(lifetime) : null)),
            cancellationToken);
    }

    /// <summary>
    /// Stores a new key as granted and answers it with the key, this once. Its label free among the user's live keys and
    /// the user under <see cref="MaxKeysPerUser"/> are checked by the store as it writes, so concurrent requests on any
    /// instance cannot both take a label or pass the limit together.
    /// </summary>
    public async Task<ApiKeyResource> IssueAsync(KeyGrant grant, CancellationToken cancellationToken)
    {
        var secret = ApiKeyHasher.NewKey();
        var key = new ApiKeyRecord
        {
            User = grant.User,
            KeyHash = ApiKeyHasher.Hash(secret),
            Namespace = grant.Namespace,
            Uuid = Guid.NewGuid(),
            Label = grant.Label,
            Role = grant.Role,
            IsInstallationAdmin = grant.IsInstallationAdmin,
            CreatedAt = clock.GetUtcNow(),
            ExpiresAt = grant.ExpiresAt,
        };
        return await keys.AddAsync(key, MaxKeysPerUser, cancellationToken) switch
        {
            KeyAddition.Added => ApiKeyResource.From(key, secret),
            KeyAddition.LabelTaken => throw new ResourceConflictException($"You already have a key labelled '{grant.Label}'; revoke it or choose another label."),
            KeyAddition.LimitReached => throw new ResourceConflictException($"You have {MaxKeysPerUser} keys, the most a user may have; revoke one first."),
            var other => throw new InvalidOperationException($"A new random key was not stored: {other}."),
        };
    }

    /// <summary>
    /// What was asked for, but no later than the caller's own key expires: a key about to expire must not make
    /// itself a lasting successor.
    /// </summary>
    private static DateTimeOffset? CappedByCallersKey(Caller caller, DateTimeOffset? asked) =>
        caller.KeyExpiresAt is { } cap && (asked is null || asked > cap) ? cap : asked;

    public async Task<(IReadOnlyList<ApiKeyResource> Items, int Total)> ListAsync(Caller caller, ListRequest request, CancellationToken cancellationToken)
    {
        var live = (await LiveKeysAsync(caller.User, cancellationToken)).OrderBy(k => k.CreatedAt).Select(k => ApiKeyResource.From(k));
        return InMemoryLists.Apply(live, request, FilterFields);
    }

    public static IReadOnlyDictionary<string, Func<ApiKeyResource, string?>> FilterFields { get; } =
        new Dictionary<string, Func<ApiKeyResource, string?>> { ["label"] = k => k.Label, ["role"] = k => k.Role, ["namespace"] = k => k.Namespace };

    public async Task<ApiKeyResource> RevokeAsync(Caller caller, Guid uuid, CancellationToken cancellationToken)
    {
        var key = (await LiveKeysAsync(caller.User, cancellationToken)).FirstOrDefault(k => k.Uuid == uuid && uuid != Guid.Empty)
            ?? throw new ResourceNotFoundException("API key", uuid.ToString());
        await keys.UpsertAsync(key with { Revoked = true }, cancellationToken);
        await revocations.PublishAsync(cancellationToken);
        return ApiKeyResource.From(key);
    }

    /// <summary>
    /// Revokes every key of the user (a user being removed), or only those bound to <paramref name="inNamespace"/> (an
    /// organization being removed); every instance refuses them within seconds.
    /// </summary>
    public Task RevokeAllAsync(string user, CancellationToken cancellationToken, string? inNamespace = null) =>
        RevokeWhereAsync(user, k => inNamespace is null || string.Equals(k.Namespace, inNamespace, StringComparison.OrdinalIgnoreCase), cancellationToken);

    /// <summary>Revokes the user's live keys with that label (a rotated bootstrap key's predecessors); every instance refuses them within seconds.</summary>
    public Task RevokeLabelledAsync(string user, string label, CancellationToken cancellationToken) =>
        RevokeWhereAsync(user, k => string.Equals(k.Label, label, StringComparison.OrdinalIgnoreCase), cancellationToken);

    private async Task RevokeWhereAsync(string user, Func<ApiKeyRecord, bool> which, CancellationToken cancellationToken)
    {
        foreach (var key in (await LiveKeysAsync(user, cancellationToken)).Where(which))
            await keys.UpsertAsync(key with { Revoked = true }, cancellationToken);
        await revocations.PublishAsync(cancellationToken);
    }

    /// <summary>The most a new key may do: the caller's own key's role in its namespace, the user's role in another.</summary>
    private async Task<Role> AllowedRoleAsync(Caller caller, string @namespace, CancellationToken cancellationToken) =>
        string.Equals(@namespace, caller.Namespace, StringComparison.OrdinalIgnoreCase) ? caller.Role
        : await access.RoleOfAsync(caller.User, @namespace, cancellationToken)
            ?? throw new RequestValidationException("namespace", $"'{@namespace}' is not a namespace you have a role in.");

    /// <summary>The user's keys that are not revoked (expired ones stay listed until revoked, saying when they expired).</summary>
    private async Task<IEnumerable<ApiKeyRecord>> LiveKeysAsync(string user, CancellationToken cancellationToken) =>
        (await keys.ListAsync(user, cancellationToken)).Where(k => !k.Revoked);
}
