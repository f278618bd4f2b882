using System.Globalization;
using System.Net.Http.Headers;

namespace FunctionsCloud.Providers.Http;

/// <summary>
/// What a response says about when to call again: <c>Retry-After</c> (seconds or a date) and the rate-limit
/// headers <c>RateLimit-Remaining</c> / <c>RateLimit-Reset</c>. DigitalOcean sends the reset as Unix seconds;
/// the IETF draft sends seconds from now: both are read.
/// </summary>
public static class ThrottleHints
{
    public const string RemainingHeader = "RateLimit-Remaining";
    public const string ResetHeader = "RateLimit-Reset";

    // A reset this large can only be a Unix time (it is past 2001-09-09); smaller ones are seconds from now.
    private const long UnixTimeThreshold = 1_000_000_000;

    /// <summary>When the quota is spent (remaining 0), the time it comes back; otherwise null.</summary>
    public static DateTimeOffset? QuotaExhaustedUntil(HttpResponseHeaders headers, DateTimeOffset now) =>
        ReadLong(headers, RemainingHeader) == 0 ? RateLimitReset(headers, now) : null;

    /// <summary>
    /// How long the provider asks us to wait: Retry-After, else the reset of a spent quota; null when it says neither
    /// (e.g. a burst limit hit while the longer quota still has room: then backing off beats waiting for its reset).
    /// </summary>
    public static TimeSpan? SuggestedWait(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers.RetryAfter is { } retryAfter)
        {
            return retryAfter.Delta ?? (retryAfter.Date is { } date ? NotNegative(date - now) : null);
        }

        return QuotaExhaustedUntil(headers, now) is { } reset ? NotNegative(reset - now) : null;
    }

    private static DateTimeOffset? RateLimitReset(HttpResponseHeaders headers, DateTimeOffset now) =>
        ReadLong(headers, ResetHeader) switch
        {
            null => null,
            >= UnixTimeThreshold and var unix => DateTimeOffset.FromUnixTimeSeconds(unix),
            var seconds => now.AddSeconds(seconds.Value),
        };

    private static long? ReadLong(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private static TimeSpan NotNegative(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;
}
