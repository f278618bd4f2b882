using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Domain.Accounts;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Domain.Validation;
using FunctionsCloud.Storage.ApiKeys;

namespace FunctionsCloud.Application.ApiKeys;

/// <summary>
/// A user's API keys: made for the caller with at most the caller's role, shown once, stored hashed, listed without
/// the key, revoked for good. Revoking tells every instance (<see cref="RevocationWatch"/>).
/// </summary>
public sealed class ApiKeyService(IApiKeyStore keys, RevocationWatch revocations, TimeProvider clock)
{
    public const int MinLifetimeSeconds = 60;
    public const int MaxLifetimeSeconds = 366 * 24 * 3600;
    public const int MaxKeysPerUser = 100;

    private static readonly string Roles = string.Join(", ", ApiNames.All<Role>());

    public async Task<ApiKeyResource> CreateAsync(Caller caller, CreateApiKeyRequest request, CancellationToken cancellationToken)
    {
        var role = caller.Role;
        var validator = new Validator()
            .Name("label", request.Label)
            .Require(request.Role is null || ApiNames.TryParse(request.Role, out role), "role", $"must be one of {Roles}.");
        if (request.ExpiresIn is { } seconds)
            validator.Range("expires_in", seconds, MinLifetimeSeconds, MaxLifetimeSeconds);
        validator.ThrowIfInvalid();
        if (role > caller.Role)
            throw new RoleRequiredException(role, $"A key with the {ApiNames.Of(role)} role");

        var live = (await LiveKeysAsync(caller, cancellationToken)).ToList();
        if (live.Any(k => string.Equals(k.Label, request.Label, StringComparison.OrdinalIgnoreCase)))
            throw new ResourceConflictException($"You already have a key labelled '{request.Label}'; revoke it or choose another label.");
        if (live.Count >= MaxKeysPerUser)
            throw new ResourceConflictException($"You have {MaxKeysPerUser} keys, the most a user may have; revoke one first.");

        var now = clock.GetUtcNow();
        var secret = ApiKeyHasher.NewKey();
        var key = new ApiKeyRecord
        {
            User = caller.User,
            KeyHash = ApiKeyHasher.Hash(secret),
            Namespace = caller.Namespace,
            Uuid = Guid.NewGuid(),
            Label = request.Label!,
            Role = role,
            IsAdmin = caller.IsAdmin && role == Role.Admin,
            CreatedAt = now,
            ExpiresAt = ExpiryOf(caller, request.ExpiresIn, now),
        };
        await keys.AddAsync(key, cancellationToken);
        return ApiKeyResource.From(key, secret);
    }

    /// <summary>
    /// What was asked for, but no later than the caller's own key expires: a key about to expire must not make
    /// itself a lasting successor.
    /// </summary>
    private static DateTimeOffset? ExpiryOf(Caller caller, int? expiresIn, DateTimeOffset now)
    {
        var asked = expiresIn is { } lifetime ? now.AddSeconds(lifetime) : (DateTimeOffset?)null;
        return caller.KeyExpiresAt is { } cap && (asked is null || asked > cap) ? cap : asked;
    }

    public async Task<(IReadOnlyList<ApiKeyResource> Items, int Total)> ListAsync(Caller caller, ListRequest request, CancellationToken cancellationToken)
    {
        var live = (await LiveKeysAsync(caller, cancellationToken)).OrderBy(k => k.CreatedAt).Select(k => ApiKeyResource.From(k));
        return InMemoryLists.Apply(live, request, FilterFields);
    }

    public static IReadOnlyDictionary<string, Func<ApiKeyResource, string?>> FilterFields { get; } =
        new Dictionary<string, Func<ApiKeyResource, string?>> { ["label"] = k => k.Label, ["role"] = k => k.Role };

    public async Task<ApiKeyResource> RevokeAsync(Caller caller, Guid uuid, CancellationToken cancellationToken)
    {
        var key = (await LiveKeysAsync(caller, cancellationToken)).FirstOrDefault(k => k.Uuid == uuid && uuid != Guid.Empty)
            ?? throw new ResourceNotFoundException("API key", uuid.ToString());
        await keys.UpsertAsync(key with { Revoked = true }, cancellationToken);
        await keys.BumpRevocationGenerationAsync(cancellationToken);
        revocations.Invalidate();
        return ApiKeyResource.From(key);
    }

    /// <summary>The caller's keys that are not revoked (expired ones stay listed until revoked, saying when they expired).</summary>
    private async Task<IEnumerable<ApiKeyRecord>> LiveKeysAsync(Caller caller, CancellationToken cancellationToken) =>
        (await keys.ListAsync(caller.User, cancellationToken)).Where(k => !k.Revoked && k.Namespace == caller.Namespace);
}
