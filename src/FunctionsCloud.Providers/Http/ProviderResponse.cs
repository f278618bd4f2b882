using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FunctionsCloud.Providers.Contract;

namespace FunctionsCloud.Providers.Http;

/// <summary>A provider's answer, read in full (provider answers are small), for the caller to judge by status.</summary>
public sealed class ProviderResponse(string providerLabel, HttpStatusCode status, HttpResponseHeaders headers, string body, JsonSerializerOptions json)
{
    public HttpStatusCode Status { get; } = status;

    public HttpResponseHeaders Headers { get; } = headers;

    public string Body { get; } = body;

    public bool IsSuccess => (int)Status is >= 200 and <= 299;

    public ProviderError Error => ProviderError.From(Status, Body);

    /// <summary>Worth trying again later: throttled, or the provider (or its front door) failed.</summary>
    public bool IsTransientFailure => Status == HttpStatusCode.TooManyRequests || (int)Status >= 500;

    public T Json<T>()
    {
        try
        {
            return JsonSerializer.Deserialize<T>(Body, json)
                ?? throw new ProviderException($"{providerLabel} answered HTTP {(int)Status} with no content where some was expected.", isTransient: true);
        }
        catch (JsonException ex)
        {
            // Not the weather: an answer we cannot read will not read better on a retry.
            throw new ProviderException($"{providerLabel} answered HTTP {(int)Status} with JSON we could not read: {ex.Message}", isTransient: false, ex);
        }
    }

    /// <summary>The provider's message as a <see cref="ProviderException"/>, e.g. "DigitalOcean: Unable to authenticate you. (HTTP 401)".</summary>
    public ProviderException ToException() => ToException(IsTransientFailure);

    /// <summary>The provider's message, for providers that know better than the status whether it is worth retrying.</summary>
    public ProviderException ToException(bool isTransient) => new($"{providerLabel}: {Error.Message} (HTTP {(int)Status})", isTransient);

    public ProviderResponse EnsureSuccess() => IsSuccess ? this : throw ToException();

    /// <summary>The value of a response header, or null.</summary>
    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
