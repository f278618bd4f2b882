using FunctionsCloud.Application.Events;
using FunctionsCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.Functions.Events;

/// <summary>/api/audit/v1/event/: what happened to objects on its own (nodes going silent, coming back, lost).</summary>
public sealed class EventFunctions(EventService events)
{
    [Function("ListEvents")]
    public async Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/audit/v1/event")] HttpRequest request)
    {
        var list = request.ListRequest(events.FilterableFields);
        return ApiResults.List(request, list, await events.ListAsync(request.Caller(), list, request.HttpContext.RequestAborted));
    }

    [Function("GetEvent")]
    public async Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/audit/v1/event/{uuid}")] HttpRequest request, string uuid) =>
        ApiResults.Ok(await events.GetAsync(request.Caller(), HttpRequestExtensions.ParseUuid(uuid, "event"), request.HttpContext.RequestAborted));
}
