using FunctionsCloud.Application.Actions;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Resources;
using Microsoft.AspNetCore.Http;

namespace FunctionsCloud.Functions.Http;

/// <summary>Responses in Docker Cloud's wire format.</summary>
public static class ApiResults
{
    public const string ActionUriHeader = "X-DockerCloud-Action-URI";

    public static IResult Ok(object body) => Results.Json(body, ApiJson.Options);

    public static IResult Created(object body, string location) => Results.Json(body, ApiJson.Options, statusCode: StatusCodes.Status201Created)
        .WithHeader("Location", location);

    /// <summary>202 with the object in the body and the action that tracks the work in a header.</summary>
    public static IResult Accepted(HttpRequest request, object body, ActionRecord action)
    {
        request.HttpContext.Response.Headers[ActionUriHeader] = ResourceUris.Action(action.Uuid);
        return Results.Json(body, ApiJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>200 when the change was immediate, 202 with the action when it started an operation.</summary>
    public static IResult OkOrAccepted(HttpRequest request, object body, ActionRecord? action) =>
        action is null ? Ok(body) : Accepted(request, body, action);

    public static IResult List<T>(HttpRequest request, ListRequest list, (IReadOnlyList<T> Items, int Total) page) =>
        Ok(new ListEnvelope<T>(list.Meta(request.Path, page.Total, Query(request)), page.Items));

    public static IEnumerable<KeyValuePair<string, string>> Query(HttpRequest request) =>
        request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? "")));

    private static IResult WithHeader(this IResult result, string name, string value) => new HeaderResult(result, name, value);

    private sealed class HeaderResult(IResult inner, string name, string value) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers[name] = value;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
