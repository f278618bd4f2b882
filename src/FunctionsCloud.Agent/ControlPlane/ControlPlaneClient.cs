using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FunctionsCloud.Domain.Agents;

namespace FunctionsCloud.Agent.ControlPlane;

/// <summary>The calls an agent makes to the control plane. Never logs; secrets travel only in headers and bodies.</summary>
public sealed class ControlPlaneClient
{
    private const int MaxErrorBodyChars = 4096;
    private readonly HttpClient _http;
    private readonly Uri _registerUri;
    private readonly Uri _heartbeatUri;
    private readonly Uri _rotateUri;
    private readonly Uri _containersUri;
    private readonly Uri _registryCredentialUri;

    /// <param name="http">The client to send with (its base address is not used).</param>
    /// <param name="apiUrl">The control plane's base URL; a path in it (e.g. behind a proxy) is kept.</param>
    public ControlPlaneClient(HttpClient http, Uri apiUrl)
    {
        ArgumentNullException.ThrowIfNull(apiUrl);
        _http = http;
        var root = apiUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        _registerUri = new Uri(root + AgentRoutes.Register, UriKind.Absolute);
        _heartbeatUri = new Uri(root + AgentRoutes.Heartbeat, UriKind.Absolute);
        _rotateUri = new Uri(root + AgentRoutes.RotateSecret, UriKind.Absolute);
        _containersUri = new Uri(root + AgentRoutes.DesiredContainers, UriKind.Absolute);
        _registryCredentialUri = new Uri(root + AgentRoutes.RegistryCredential, UriKind.Absolute);
    }

    public Task<AgentRegistrationResponse> RegisterAsync(AgentRegistrationRequest request, CancellationToken cancellationToken) =>
        SendAsync<AgentRegistrationResponse>(HttpMethod.Post, _registerUri, request, bearer: null, cancellationToken);

    public Task<HeartbeatResponse> HeartbeatAsync(string nodeSecret, HeartbeatRequest request, CancellationToken cancellationToken) =>
        SendAsync<HeartbeatResponse>(HttpMethod.Post, _heartbeatUri, request, nodeSecret, cancellationToken);

    public Task<SecretRotationResponse> RotateSecretAsync(string nodeSecret, CancellationToken cancellationToken) =>
        SendAsync<SecretRotationResponse>(HttpMethod.Post, _rotateUri, new { }, nodeSecret, cancellationToken);

    /// <summary>Every container the node should have, at the node's current desired-state generation.</summary>
    public Task<DesiredContainers> GetDesiredContainersAsync(string nodeSecret, CancellationToken cancellationToken) =>
        SendAsync<DesiredContainers>(HttpMethod.Get, _containersUri, body: null, nodeSecret, cancellationToken);

    /// <summary>The credentials for one image the node must pull; a 404 (<see cref="ControlPlaneException.IsNotFound"/>) when none are registered.</summary>
    public Task<RegistryCredential> GetRegistryCredentialAsync(string nodeSecret, string image, CancellationToken cancellationToken) =>
        SendAsync<RegistryCredential>(HttpMethod.Post, _registryCredentialUri, new RegistryCredentialRequest(image), nodeSecret, cancellationToken);

    private async Task<TResponse> SendAsync<TResponse>(HttpMethod method, Uri uri, object? body, string? bearer, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            message.Content = JsonContent.Create(body, body.GetType(), options: ControlPlaneJson.Options);
        }

        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (bearer is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new ControlPlaneException(response.StatusCode, await ReadProblemDetailAsync(response, cancellationToken).ConfigureAwait(false));
            }

            var result = await response.Content.ReadFromJsonAsync<TResponse>(ControlPlaneJson.Options, cancellationToken).ConfigureAwait(false);
            return result ?? throw new ControlPlaneException($"{uri.AbsolutePath} answered {(int)response.StatusCode} with an empty body.");
        }
        catch (HttpRequestException ex)
        {
            throw new ControlPlaneException($"cannot reach {uri.GetLeftPart(UriPartial.Authority)}: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ControlPlaneException($"{uri.GetLeftPart(UriPartial.Authority)} did not answer within {_http.Timeout.TotalSeconds:0} s", ex);
        }
        catch (JsonException ex)
        {
            throw new ControlPlaneException($"{uri.AbsolutePath} answered with a body that is not the expected JSON: {ex.Message}", ex);
        }
        catch (NotSupportedException ex)
        {
            throw new ControlPlaneException($"{uri.AbsolutePath} answered with a content type that is not JSON: {ex.Message}", ex);
        }
    }

    private static async Task<string?> ReadProblemDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is null || !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (text.Length > MaxErrorBodyChars)
            {
                return null;
            }

            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var name in (string[])["detail", "title"])
            {
                if (document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString();
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or HttpRequestException or IOException)
        {
            // Not a problem document: the status code alone must do.
        }

        return null;
    }
}
