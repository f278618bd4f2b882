using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FunctionsCloud.Functions.Http;

public static class HttpRequestExtensions
{
    private const string CallerKey = "FunctionsCloud.Caller";

    /// <summary>The caller the authentication middleware established for this request.</summary>
    public static Caller Caller(this HttpRequest request) =>
        request.HttpContext.Items[CallerKey] as Caller
        ?? throw new AuthenticationFailedException("Authentication is required.");

    public static void SetCaller(this HttpContext context, Caller caller) => context.Items[CallerKey] = caller;

    public static RequestInfo Info(this HttpRequest request) =>
        new(request.Method, request.Path.Value ?? "", request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "",
            request.Headers.UserAgent.ToString(), request.HttpContext.Items[BodyKey] as string ?? "");

    private const string BodyKey = "FunctionsCloud.RequestBody";

    /// <summary>
    /// Keeps the body of a request that may start an action (read ahead, then rewound for the function), so that the
    /// action records it. Bodies over the API's limit are not kept: the function refuses them.
    /// </summary>
    public static async Task CaptureBodyAsync(this HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || request.ContentLength is > RequestBody.MaxBytes)
            return;
        request.EnableBuffering(RequestBody.MaxBytes);
        var buffer = new byte[RequestBody.MaxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), request.HttpContext.RequestAborted)) > 0)
            length += read;
        request.Body.Position = 0;
        if (length <= RequestBody.MaxBytes)
            request.HttpContext.Items[BodyKey] = System.Text.Encoding.UTF8.GetString(buffer, 0, length);
    }

    public static ListRequest ListRequest(this HttpRequest request, IReadOnlySet<string> filterableFields) =>
        Application.Api.ListRequest.Parse(ApiResults.Query(request), filterableFields);

    public static Task<T> ReadBodyAsync<T>(this HttpRequest request, int maxBytes = RequestBody.MaxBytes) =>
        RequestBody.ReadAsync<T>(request.JsonBody(), maxBytes, request.HttpContext.RequestAborted);

    /// <summary>For requests whose fields are all optional: no body reads as <c>{}</c>.</summary>
    public static Task<T> ReadOptionalBodyAsync<T>(this HttpRequest request) =>
        RequestBody.ReadAsync<T>(request.JsonBody(), RequestBody.MaxBytes, request.HttpContext.RequestAborted, emptyIsObject: true);

    /// <summary>For bodies whose fields are not known in advance: any JSON object.</summary>
    public static Task<JsonElement> ReadObjectBodyAsync(this HttpRequest request) =>
        RequestBody.ReadObjectAsync(request.JsonBody(), request.HttpContext.RequestAborted);

    /// <summary>
    /// The body, once its declared type is JSON: 415 otherwise. A body without a Content-Type is read as JSON, as
    /// the clients of Docker Cloud's API did not always say.
    /// </summary>
    private static Stream JsonBody(this HttpRequest request)
    {
        var declared = request.ContentType;
        if (declared is not null && !IsJson(declared))
            throw new UnsupportedMediaTypeException(declared);
        return request.Body;
    }

    private static bool IsJson(string contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Value is { } type
        && (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>Route ids that are not uuids name nothing: 404, like an unknown uuid.</summary>
    public static Guid ParseUuid(string value, string resource) =>
        Guid.TryParseExact(value, "D", out var uuid) ? uuid : throw new ResourceNotFoundException(resource, value);
}
