using FunctionsCloud.Application.Events;
using FunctionsCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.Functions.Events;

/// <summary>/api/audit/v1/event/: what happened to objects on its own (nodes going silent, coming back, lost).</summary>
public sealed class EventFunctions(EventService events)
{
    [Function("ListEvents")]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/audit/v1/event")] HttpRequest request) =>
        request.ListAsync(events.FilterableFields, events.ListAsync);

    [Function("GetEvent")]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/audit/v1/event/{uuid}")] HttpRequest request, string uuid) =>
        request.GetAsync(uuid, "event", events.GetAsync);
}
