using FunctionsCloud.Application.Actions;
using FunctionsCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.Functions.Actions;

/// <summary>/api/audit/v1/action/: what users poll to follow their operations.</summary>
public sealed class ActionFunctions(ActionService actions)
{
    [Function("ListActions")]
    public async Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "audit/v1/action")] HttpRequest request)
    {
        var list = request.ListRequest(actions.FilterableFields);
        return ApiResults.List(request, list, await actions.ListAsync(request.Caller(), list, request.HttpContext.RequestAborted));
    }

    [Function("GetAction")]
    public async Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "audit/v1/action/{uuid}")] HttpRequest request, string uuid) =>
        ApiResults.Ok(await actions.GetAsync(request.Caller(), HttpRequestExtensions.ParseUuid(uuid, "action"), request.HttpContext.RequestAborted));
}
