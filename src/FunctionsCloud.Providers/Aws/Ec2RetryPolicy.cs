using Amazon.Runtime;
using FunctionsCloud.Providers.Contract;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Providers.Aws;

/// <summary>
/// Retries one EC2 call on throttling (RequestLimitExceeded, 429) and transient failures (503, InternalError...)
/// with exponential backoff and jitter, within the activity. The SDK's own retries are off, so this is the only
/// policy. When attempts run out the failure becomes a transient <see cref="ProviderException"/> and the
/// activity's durable retry policy takes over; EC2's idempotency tokens make that retry safe.
/// </summary>
internal sealed partial class Ec2RetryPolicy(AwsProviderOptions options, TimeProvider time, ILogger logger)
{
    private int Attempts => Math.Max(1, options.RetryAttempts);

    /// <param name="alsoRetry">Further failures worth waiting out for this call (e.g. a just-launched instance not yet visible).</param>
    public async Task<T> RunAsync<T>(
        string operation,
        Func<CancellationToken, Task<T>> call,
        AwsCredentials credentials,
        CancellationToken cancellationToken,
        Func<Exception, bool>? alsoRetry = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsRetryable(ex, alsoRetry, cancellationToken) && attempt < Attempts)
            {
                var delay = Backoff(attempt);
                LogRetrying(logger, operation, ErrorCode(ex), attempt, Attempts, delay.TotalMilliseconds);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsRetryable(ex, alsoRetry, cancellationToken))
            {
                LogGaveUp(logger, operation, ErrorCode(ex), Attempts);
                // No inner exception: AWS's message is carried over scrubbed, and an inner one would carry it unscrubbed.
                throw new ProviderException(credentials.Redact($"{Ec2Errors.Describe(ex)} ({operation} failed {Attempts} times)"), isTransient: true);
            }
        }
    }

    /// <summary>"Equal jitter": half the exponential step for sure, the other half at random, so retries of many callers spread out.</summary>
    internal TimeSpan Backoff(int attempt)
    {
        var exponential = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var step = Math.Min(options.RetryMaxDelay.TotalMilliseconds, exponential);
        return TimeSpan.FromMilliseconds((step / 2) + (Random.Shared.NextDouble() * step / 2));
    }

    private static bool IsRetryable(Exception exception, Func<Exception, bool>? alsoRetry, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && (Ec2Errors.IsTransient(exception) || (alsoRetry?.Invoke(exception) ?? false) || exception is TaskCanceledException);

    private static string ErrorCode(Exception exception) =>
        exception is AmazonServiceException { ErrorCode: { Length: > 0 } code } ? code : exception.GetType().Name;

    [LoggerMessage(Level = LogLevel.Warning, Message = "AWS {Operation} failed with {ErrorCode} (attempt {Attempt} of {Attempts}); retrying in {DelayMs:0} ms")]
    private static partial void LogRetrying(ILogger logger, string operation, string errorCode, int attempt, int attempts, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AWS {Operation} still failing with {ErrorCode} after {Attempts} attempts; leaving it to the activity's retry policy")]
    private static partial void LogGaveUp(ILogger logger, string operation, string errorCode, int attempts);
}
