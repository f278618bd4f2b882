using FunctionsCloud.Application.Api;
using FunctionsCloud.Storage.ApiKeys;
using Microsoft.Extensions.Caching.Memory;

namespace FunctionsCloud.Application.Authentication;

/// <summary>
/// Resolves <c>Authorization: Basic base64(user:apikey)</c> to a caller. Keys are looked up by their hash and
/// remembered for <see cref="CacheFor"/> within the current revocation epoch (<see cref="RevocationWatch"/>), so a busy
/// client costs one key read a minute, a revoked key is refused within seconds on every instance, and an expired one
/// at once (its expiry is remembered with it).
/// </summary>
public sealed class ApiKeyAuthenticator(
    IApiKeyStore keys, NamespaceAccess access, IMemoryCache cache, RevocationWatch revocations, KeyUseRecorder uses, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(60);

    /// <param name="recordUse">
    /// False when the credential is only looked at, not used to act (a poison message's, to know its namespace): its
    /// <c>last_used_datetime</c> is left alone then.
    /// </param>
    public async Task<Caller> AuthenticateAsync(string? authorization, CancellationToken cancellationToken, bool recordUse = true)
    {
        if (authorization is null)
            throw new AuthenticationFailedException("Authentication is required: send Authorization: Basic base64(user:apikey).");
        if (!BasicCredentials.TryParse(authorization, out var user, out var apiKey))
            throw new AuthenticationFailedException("The Authorization header is not Basic base64(user:apikey).");

        var known = await FindAsync(user, ApiKeyHasher.Hash(apiKey), cancellationToken);
        var now = clock.GetUtcNow();
        // One answer for unknown, revoked and expired keys, and keys of removed users or lost memberships: which part was wrong is not said.
        if (known?.Caller is null || !known.Key.IsUsableAt(now))
            throw new AuthenticationFailedException("The user name or API key is not valid.");
        if (recordUse)
            await uses.RecordAsync(known.Key, now, cancellationToken);
        return known.Caller;
    }

    /// <summary>
    /// The key and whom it stands for, remembered together: a change of users, teams or roles starts a new revocation
    /// epoch, as a revocation does, so what is remembered is never older than the epoch.
    /// </summary>
    private async Task<KnownKey?> FindAsync(string user, string hash, CancellationToken cancellationToken)
    {
        var epoch = await revocations.EpochAsync(cancellationToken);
        var cacheKey = $"apikey:{epoch}:{user.ToLowerInvariant()}:{hash}";
        if (cache.TryGetValue(cacheKey, out KnownKey? known) && known is not null)
            return known;
        var key = await keys.FindAsync(user, hash, cancellationToken);
        if (key is null)
            return null;
        known = new KnownKey(key, key.IsUsableAt(clock.GetUtcNow()) ? await access.CallerOfAsync(key, cancellationToken) : null);
        cache.Set(cacheKey, known, CacheFor);
        return known;
    }

    private sealed record KnownKey(ApiKeyRecord Key, Caller? Caller);
}
