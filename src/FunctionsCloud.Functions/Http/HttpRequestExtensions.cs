using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using Microsoft.AspNetCore.Http;

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
        new(request.Method, request.Path.Value ?? "", request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "");

    public static ListRequest ListRequest(this HttpRequest request, IReadOnlySet<string> filterableFields) =>
        Application.Api.ListRequest.Parse(ApiResults.Query(request), filterableFields);

    public static Task<T> ReadBodyAsync<T>(this HttpRequest request) =>
        RequestBody.ReadAsync<T>(request.Body, request.HttpContext.RequestAborted);

    /// <summary>For requests whose fields are all optional: no body reads as <c>{}</c>.</summary>
    public static Task<T> ReadOptionalBodyAsync<T>(this HttpRequest request) =>
        RequestBody.ReadAsync<T>(request.Body, RequestBody.MaxBytes, request.HttpContext.RequestAborted, emptyIsObject: true);

    /// <summary>Route ids that are not uuids name nothing: 404, like an unknown uuid.</summary>
    public static Guid ParseUuid(string value, string resource) =>
        Guid.TryParseExact(value, "D", out var uuid) ? uuid : throw new ResourceNotFoundException(resource, value);
}
