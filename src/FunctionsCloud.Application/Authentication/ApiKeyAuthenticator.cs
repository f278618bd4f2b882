using FunctionsCloud.Application.Api;
using FunctionsCloud.Storage.ApiKeys;
using Microsoft.Extensions.Caching.Memory;

namespace FunctionsCloud.Application.Authentication;

/// <summary>
/// Resolves <c>Authorization: Basic base64(user:apikey)</c> to a caller. Keys are looked up by their
/// hash; a hit is remembered briefly so that busy clients cost one table read a minute, not one a call.
/// </summary>
public sealed class ApiKeyAuthenticator(IApiKeyStore keys, IMemoryCache cache)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(60);

    public async Task<Caller> AuthenticateAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (authorization is null)
            throw new AuthenticationFailedException("Authentication is required: send Authorization: Basic base64(user:apikey).");
        if (!BasicCredentials.TryParse(authorization, out var user, out var apiKey))
            throw new AuthenticationFailedException("The Authorization header is not Basic base64(user:apikey).");

        var hash = ApiKeyHasher.Hash(apiKey);
        var cacheKey = $"apikey:{user.ToLowerInvariant()}:{hash}";
        if (cache.TryGetValue(cacheKey, out Caller? known) && known is not null)
            return known;

        var record = await keys.FindAsync(user, hash, cancellationToken);
        if (record is null || record.Revoked)
            throw new AuthenticationFailedException("The user name or API key is not valid.");
        var caller = new Caller(record.User, record.Namespace, record.IsAdmin);
        cache.Set(cacheKey, caller, CacheFor);
        return caller;
    }
}
