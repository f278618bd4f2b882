using FunctionsCloud.Application.Actions;
using FunctionsCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Functions.Actions;

/// <summary>/api/audit/v1/action/: what users poll to follow their operations, and cancel or retry them.</summary>
public sealed class ActionFunctions(ActionService actions, ActionCancellation cancellation, ActionRetry retry)
{
    private const string Item = "api/audit/v1/action/{uuid}";

    [Function("ListActions")]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/audit/v1/action")] HttpRequest request) =>
        request.ListAsync(actions.FilterableFields, actions.ListAsync);

    [Function("GetAction")]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Item)] HttpRequest request, string uuid) =>
        request.GetAsync(uuid, "action", actions.GetAsync);

    /// <summary>202 with the action, now Canceling; it ends Canceled once its operation has stopped and settled its object.</summary>
    [Function("CancelAction")]
    public async Task<IResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Item + "/cancel")] HttpRequest request, string uuid, [DurableClient] DurableTaskClient durable)
    {
        var caller = request.Caller();
        var action = await cancellation.CancelAsync(caller, Uuid(uuid), durable, request.HttpContext.RequestAborted);
        return ApiResults.Accepted(request, await actions.GetAsync(caller, action.Uuid, request.HttpContext.RequestAborted), action);
    }

    /// <summary>202 with the new action that runs the operation again.</summary>
    [Function("RetryAction")]
    public async Task<IResult> Retry(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Item + "/retry")] HttpRequest request, string uuid, [DurableClient] DurableTaskClient durable)
    {
        var caller = request.Caller();
        var action = await retry.RetryAsync(caller, request.Info(), Uuid(uuid), durable, request.HttpContext.RequestAborted);
        return ApiResults.Accepted(request, await actions.GetAsync(caller, action.Uuid, request.HttpContext.RequestAborted), action);
    }

    private static Guid Uuid(string value) => HttpRequestExtensions.ParseUuid(value, "action");
}
