using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FunctionsCloud.Client.Http;

/// <summary>
/// Sends requests to the API and reads its answers: objects, the action an operation started, and problems as
/// <see cref="ApiException"/>. Credentials are the HttpClient's (its default headers or a handler).
/// </summary>
public sealed class ApiConnection(HttpClient http)
{
    public const string ActionHeader = "X-DockerCloud-Action-URI";

    public async Task<T> GetAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        return await ReadAsync(response, type, cancellationToken);
    }

    /// <summary>A body that is not JSON (a stackfile), as text.</summary>
    public async Task<string> GetTextAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw await ProblemAsync(response, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <param name="body">JSON, or a stackfile; null sends no body.</param>
    public async Task<Accepted<T>> SendAsync<T>(HttpMethod method, string path, HttpContent? body, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body };
        using var response = await http.SendAsync(request, cancellationToken);
        var value = await ReadAsync(response, type, cancellationToken);
        return new Accepted<T>(value, response.Headers.TryGetValues(ActionHeader, out var uris) ? uris.FirstOrDefault() : null);
    }

    public static JsonContent Json<TBody>(TBody body, JsonTypeInfo<TBody> type) => JsonContent.Create(body, type, new MediaTypeHeaderValue("application/json"));

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
            throw await ProblemAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync(type, cancellationToken)
            ?? throw new JsonException($"The API answered {(int)response.StatusCode} with an empty body.");
    }

    /// <summary>The API's problem document of a failed response, as an exception to throw.</summary>
    public static async Task<ApiException> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        Problem? problem = null;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            problem = text.Length == 0 ? null : JsonSerializer.Deserialize(text, ClientJson.Default.Problem);
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's page, say): its status says enough.
        }
        var title = problem?.Title ?? response.ReasonPhrase ?? response.StatusCode.ToString();
        var detail = problem?.Detail ?? DefaultDetail(response.StatusCode, title);
        return new ApiException(response.StatusCode, title, detail, problem?.Errors ?? []);
    }

    private static string DefaultDetail(HttpStatusCode status, string title) =>
        status == HttpStatusCode.Unauthorized ? "Sign in again: the user or API key was refused." : $"{(int)status} {title}";
}
