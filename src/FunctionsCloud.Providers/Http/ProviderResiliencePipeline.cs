using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace FunctionsCloud.Providers.Http;

/// <summary>
/// The one pipeline every HTTP provider call goes through (Microsoft.Extensions.Http.Resilience, on the provider's
/// named HttpClient), outermost first:
/// retries of throttling (429, and 503 for methods other than POST) after the wait the provider asks for
/// (Retry-After, else the reset of a spent rate-limit quota) or an exponential backoff, plus jitter; a circuit breaker
/// that stops calling a provider whose API keeps failing (5xx but 503, no connection, timeouts) and fails fast instead; and a
/// timeout per attempt. A wait longer than <see cref="ProviderHttpPolicy.MaxWait"/> is not taken in place: the answer
/// goes back to the session, which fails it as transient so the activity's durable retry waits instead. A POST
/// answered 503 is not resent (it may have been carried out); connection failures are not retried either, so an
/// unreachable provider is said at once.
/// </summary>
public static partial class ProviderResiliencePipeline
{
    private static readonly ResiliencePropertyKey<TimeSpan> PlannedWait = new("FunctionsCloud.Providers.PlannedWait");

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, string label, ProviderHttpPolicy policy, IProviderClock clock, ILogger logger)
    {
        pipeline.TimeProvider = clock.Time;
        // No retries at all (MaxAttempts 1) is no retry strategy: Polly refuses one of zero retries.
        if (policy.MaxAttempts > 1)
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = policy.MaxAttempts - 1,
                ShouldRetryAfterHeader = false, // the delay below reads Retry-After and the rate-limit headers itself
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome.Result, args.AttemptNumber, args.Context, policy, clock)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(PlannedWait, policy.BaseDelay)),
                OnRetry = args =>
                {
                    LogRetrying(logger, label, (int?)args.Outcome.Result?.StatusCode ?? 0, args.RetryDelay, args.AttemptNumber + 1, policy.MaxAttempts);
                    return ValueTask.CompletedTask;
                },
            });
        pipeline
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = policy.BreakerFailureRatio,
                MinimumThroughput = policy.BreakerMinimumThroughput,
                SamplingDuration = policy.BreakerSamplingDuration,
                BreakDuration = policy.BreakerBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsProviderFailure(args.Outcome)),
            })
            .AddTimeout(policy.Timeout);
    }

    /// <summary>
    /// What opens the circuit, for every account of the provider: its API failing (5xx, no connection, an attempt's
    /// timeout). Not throttling (429, 503: one account's quota or a brief pause the retries ride out), and not a call
    /// its own caller canceled.
    /// </summary>
    private static bool IsProviderFailure(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        OperationCanceledException { InnerException: not TimeoutException } => false,
        { } => true,
        null => (int?)outcome.Result?.StatusCode is >= 500 and not (int)HttpStatusCode.ServiceUnavailable,
    };

    /// <summary>A throttled answer is retried when its wait fits the policy; the wait is planned here, jitter included.</summary>
    private static bool ShouldRetry(HttpResponseMessage? response, int attempt, ResilienceContext context, ProviderHttpPolicy policy, IProviderClock clock)
    {
        if (response is null || !IsThrottled(response))
            return false;
        var wait = ThrottleHints.SuggestedWait(response.Headers, clock.UtcNow) ?? policy.BaseDelay * Math.Pow(2, attempt);
        var jittered = wait + policy.MaxJitter * clock.NextJitterFraction();
        context.Properties.Set(PlannedWait, jittered);
        return jittered <= policy.MaxWait;
    }

    /// <summary>Throttling or brief unavailability; a POST answered 503 may have been carried out, so it is not one.</summary>
    public static bool IsThrottled(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.TooManyRequests
        || (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.RequestMessage?.Method != HttpMethod.Post);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Provider} answered HTTP {Status}; retrying after {Wait} (attempt {Attempt} of {MaxAttempts})")]
    private static partial void LogRetrying(ILogger logger, string provider, int status, TimeSpan wait, int attempt, int maxAttempts);
}
