using FunctionsCloud.Application.Triggers;
using FunctionsCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.Functions.Triggers;

/// <summary>/api/app/v1/service/{uuid}/trigger/: thin adapters over <see cref="TriggerService"/>.</summary>
public sealed class TriggerFunctions(TriggerService triggers)
{
    private const string Collection = "api/app/v1/service/{service}/trigger";
    private const string Item = Collection + "/{uuid}";

    [Function("CreateTrigger")]
    public async Task<IResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Collection)] HttpRequest request, string service)
    {
        var body = await request.ReadBodyAsync<CreateTriggerRequest>();
        var trigger = await triggers.CreateAsync(request.Caller(), ServiceUuid(service), body, request.HttpContext.RequestAborted);
        return ApiResults.Created(trigger, trigger.ResourceUri);
    }

    [Function("ListTriggers")]
    public async Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Collection)] HttpRequest request, string service)
    {
        var list = request.ListRequest(triggers.FilterableFields);
        return ApiResults.List(request, list, await triggers.ListAsync(request.Caller(), ServiceUuid(service), list, request.HttpContext.RequestAborted));
    }

    [Function("GetTrigger")]
    public async Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Item)] HttpRequest request, string service, string uuid) =>
        ApiResults.Ok(await triggers.GetAsync(request.Caller(), ServiceUuid(service), Uuid(uuid), request.HttpContext.RequestAborted));

    [Function("DeleteTrigger")]
    public async Task<IResult> Delete([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Item)] HttpRequest request, string service, string uuid) =>
        ApiResults.Ok(await triggers.DeleteAsync(request.Caller(), ServiceUuid(service), Uuid(uuid), request.HttpContext.RequestAborted));

    private static Guid ServiceUuid(string value) => HttpRequestExtensions.ParseUuid(value, "service");

    private static Guid Uuid(string value) => HttpRequestExtensions.ParseUuid(value, "trigger");
}
