using FunctionsCloud.Storage.ApiKeys;
using Microsoft.Extensions.Caching.Memory;

namespace FunctionsCloud.Application.Authentication;

/// <summary>
/// Keeps a key's <c>last_used_datetime</c> to the minute: a key's use is written at most once per
/// <see cref="Every"/> on each instance, not once per request.
/// </summary>
public sealed class KeyUseRecorder(IApiKeyStore keys, IMemoryCache cache)
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    public async ValueTask RecordAsync(ApiKeyRecord key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recent = $"apikey-used:{key.KeyHash}";
        if (cache.TryGetValue(recent, out _))
            return;
        // Marked before the write, so that the requests arriving meanwhile do not write too.
        cache.Set(recent, true, Every);
        await keys.RecordUseAsync(key.User, key.KeyHash, now, cancellationToken);
    }
}
