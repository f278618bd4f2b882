using FunctionsCloud.Application.Api;

namespace FunctionsCloud.Application.Triggers;

/// <summary>The trigger was called more often this minute than its limit allows (429). Nothing was done.</summary>
public sealed class TriggerRateLimitedException(TimeSpan retryAfter)
    : RateLimitedException($"This trigger was called too often; try again in {Math.Ceiling(retryAfter.TotalSeconds)} seconds.", retryAfter);
