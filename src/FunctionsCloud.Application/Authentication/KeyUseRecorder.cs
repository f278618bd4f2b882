using FunctionsCloud.Storage.ApiKeys;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Application.Authentication;

/// <summary>
/// Keeps a key's <c>last_used_datetime</c> to the minute: a key's use is written at most once per
/// <see cref="Every"/> on each instance, not once per request. Best-effort: a write that fails is logged and the
/// request goes on, as a valid key must not get a 500 for a bookkeeping write (a use a minute later writes again).
/// </summary>
public sealed partial class KeyUseRecorder(IApiKeyStore keys, IMemoryCache cache, ILogger<KeyUseRecorder> logger)
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    public async ValueTask RecordAsync(ApiKeyRecord key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recent = $"apikey-used:{key.KeyHash}";
        if (cache.TryGetValue(recent, out _))
            return;
        // Marked before the write, so that the requests arriving meanwhile do not write too.
        cache.Set(recent, true, Every);
        try
        {
            await keys.RecordUseAsync(key.User, key.KeyHash, now, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The mark stays: during a storage outage, one try a minute per key, not one a request.
            LogNotRecorded(logger, key.Uuid, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The use of API key {Key} could not be recorded: {Reason}")]
    private static partial void LogNotRecorded(ILogger logger, Guid key, string reason);
}
