using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Domain.Actions;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Functions.Http;

/// <summary>
/// The adapter the resources' functions share: the caller, the route's uuid and the request's cancellation handed to an
/// application service, its answer in the API's wire format. Errors become problems in the middleware.
/// </summary>
public static class ResourceEndpoints
{
    public static async Task<IResult> ListAsync<T>(
        this HttpRequest request, IReadOnlySet<string> filterableFields, Func<Caller, ListRequest, CancellationToken, Task<(IReadOnlyList<T> Items, int Total)>> list)
    {
        var parsed = request.ListRequest(filterableFields);
        return ApiResults.List(request, parsed, await list(request.Caller(), parsed, request.HttpContext.RequestAborted));
    }

    /// <summary>200 with the object the uuid names (a route id that is no uuid names no <paramref name="resource"/>: 404).</summary>
    public static async Task<IResult> GetAsync<T>(this HttpRequest request, string uuid, string resource, Func<Caller, Guid, CancellationToken, Task<T>> get)
        where T : notnull
    {
        var caller = request.Caller();
        return ApiResults.Ok(await get(caller, HttpRequestExtensions.ParseUuid(uuid, resource), request.HttpContext.RequestAborted));
    }

    /// <summary>202 with the object and the action of the operation started on it.</summary>
    public static async Task<IResult> OperateAsync<T>(
        this HttpRequest request, string uuid, string resource, DurableTaskClient durable,
        Func<Caller, RequestInfo, Guid, DurableTaskClient, CancellationToken, Task<(T Item, ActionRecord Action)>> operate)
        where T : notnull
    {
        var (caller, info) = (request.Caller(), request.Info());
        var (item, action) = await operate(caller, info, HttpRequestExtensions.ParseUuid(uuid, resource), durable, request.HttpContext.RequestAborted);
        return ApiResults.Accepted(request, item, action);
    }
}
