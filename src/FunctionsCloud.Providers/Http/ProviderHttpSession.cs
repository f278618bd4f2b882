using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FunctionsCloud.Providers.Contract;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace FunctionsCloud.Providers.Http;

/// <summary>
/// One provider operation's HTTP calls with one user's credentials. Each request carries the credentials in its own
/// Authorization header (the pooled HttpClient is shared by every user, so never in its defaults). The session
/// waits out a spent rate-limit quota before the next call; retries, timeouts and the circuit breaker are the
/// client's resilience pipeline (<see cref="ProviderResiliencePipeline"/>). Throttling that the pipeline gave up on
/// or would not wait for in place fails as transient, and the activity's retry re-runs the idempotent operation
/// (which looks before it creates). Every other answer is returned for the caller to judge.
/// </summary>
public sealed partial class ProviderHttpSession(HttpClient http, AuthenticationHeaderValue authorization, ProviderHttpSettings settings)
{
    private DateTimeOffset? _quotaBackAt;

    public Task<ProviderResponse> GetAsync(string uri, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, uri, null, cancellationToken);

    public Task<ProviderResponse> PostAsync(string uri, object body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, uri, body, cancellationToken);

    public Task<ProviderResponse> DeleteAsync(string uri, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, uri, null, cancellationToken);

    public async Task<ProviderResponse> SendAsync(HttpMethod method, string uri, object? body, CancellationToken cancellationToken)
    {
        await WaitForQuotaAsync(cancellationToken).ConfigureAwait(false);
        var (response, throttled) = await SendThroughPipelineAsync(method, uri, body, cancellationToken).ConfigureAwait(false);
        _quotaBackAt = ThrottleHints.QuotaExhaustedUntil(response.Headers, settings.Clock.UtcNow);
        return throttled ? throw response.ToException() : response;
    }

    /// <summary>The quota ran out on the last answer: wait for it to come back before calling again.</summary>
    private async Task WaitForQuotaAsync(CancellationToken cancellationToken)
    {
        if (_quotaBackAt is not { } backAt || backAt <= settings.Clock.UtcNow)
        {
            return;
        }

        var wait = backAt - settings.Clock.UtcNow;
        LogQuotaSpent(settings.Logger, settings.Label, wait);
        await PauseAsync(wait, new ProviderException($"{settings.Label}: the API rate limit is used up until {backAt:u}.", isTransient: true), cancellationToken)
            .ConfigureAwait(false);
        _quotaBackAt = null;
    }

    /// <summary>Waits with jitter; a wait longer than the policy allows is left to the activity's retry instead.</summary>
    private Task PauseAsync(TimeSpan wait, ProviderException ifTooLong, CancellationToken cancellationToken)
    {
        var jittered = wait + settings.Policy.MaxJitter * settings.Clock.NextJitterFraction();
        return jittered > settings.Policy.MaxWait ? throw ifTooLong : settings.Clock.DelayAsync(jittered, cancellationToken);
    }

    private async Task<(ProviderResponse Response, bool Throttled)> SendThroughPipelineAsync(
        HttpMethod method, string uri, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, settings.Json), Encoding.UTF8, "application/json");
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return (new ProviderResponse(settings.Label, response.StatusCode, response.Headers, text, settings.Json), ProviderResiliencePipeline.IsThrottled(response));
        }
        catch (HttpRequestException ex)
        {
            throw new ProviderException($"{settings.Label} could not be reached: {ex.Message}", isTransient: true, ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw new ProviderException($"{settings.Label} is failing: calls to its API are paused for a while.", isTransient: true, ex);
        }
        catch (Exception ex) when (ex is TimeoutRejectedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new ProviderException($"{settings.Label} did not answer in time.", isTransient: true, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Provider} API rate limit used up; waiting {Wait} for it to reset")]
    private static partial void LogQuotaSpent(ILogger logger, string provider, TimeSpan wait);
}
