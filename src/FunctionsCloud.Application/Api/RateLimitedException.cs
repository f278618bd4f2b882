namespace FunctionsCloud.Application.Api;

/// <summary>Asked more often than a limit allows (429, with Retry-After). Nothing was done.</summary>
public class RateLimitedException(string message, TimeSpan retryAfter) : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    /// <summary>Limits count by the minute: the rest of the current one.</summary>
    public static TimeSpan RestOfMinute(DateTimeOffset now) => TimeSpan.FromSeconds(60 - now.Second);
}
