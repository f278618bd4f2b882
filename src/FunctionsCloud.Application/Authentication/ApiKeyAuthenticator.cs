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
public sealed class ApiKeyAuthenticator(IApiKeyStore keys, IMemoryCache cache, RevocationWatch revocations, KeyUseRecorder uses, TimeProvider clock)
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

        var key = await FindAsync(user, ApiKeyHasher.Hash(apiKey), cancellationToken);
        var now = clock.GetUtcNow();
        // One answer for unknown, revoked and expired keys: which part was wrong is not said.
        if (key is null || !key.IsUsableAt(now))
            throw new AuthenticationFailedException("The user name or API key is not valid.");
        if (recordUse)
            await uses.RecordAsync(key, now, cancellationToken);
        return new Caller(key.User, key.Namespace, key.IsAdmin, key.Role, key.Label, key.ExpiresAt);
    }

    private async Task<ApiKeyRecord?> FindAsync(string user, string hash, CancellationToken cancellationToken)
    {
        var epoch = await revocations.EpochAsync(cancellationToken);
        var cacheKey = $"apikey:{epoch}:{user.ToLowerInvariant()}:{hash}";
        if (cache.TryGetValue(cacheKey, out ApiKeyRecord? known) && known is not null)
            return known;
        var key = await keys.FindAsync(user, hash, cancellationToken);
        if (key is not null)
            cache.Set(cacheKey, key, CacheFor);
        return key;
    }
}
