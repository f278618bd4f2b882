using FunctionsCloud.Application.Triggers;
using FunctionsCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Functions.Triggers;

/// <summary>
/// POST /api/app/v1/trigger/{secret}/call/[{steps}/]: no API key, the secret is the credential (the authentication
/// middleware lets these paths through). Answers like the service's own operations: the service, and the action in
/// X-DockerCloud-Action-URI when one started.
/// </summary>
public sealed class TriggerCallFunctions(TriggerCaller caller)
{
    private const string Call = "api/app/v1/trigger/{secret}/call";

    [Function("CallTrigger")]
    public Task<IResult> CallOnce(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Call)] HttpRequest request, string secret, [DurableClient] DurableTaskClient durable) =>
        RunAsync(request, secret, null, durable);

    [Function("CallTriggerSteps")]
    public Task<IResult> CallSteps(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Call + "/{steps}")] HttpRequest request, string secret, string steps,
        [DurableClient] DurableTaskClient durable) =>
        RunAsync(request, secret, steps, durable);

    private async Task<IResult> RunAsync(HttpRequest request, string secret, string? steps, DurableTaskClient durable)
    {
        try
        {
            var call = new TriggerCall(secret, steps, request.Body, request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "",
                request.Headers.UserAgent.ToString());
            var (service, action) = await caller.CallAsync(call, durable, request.HttpContext.RequestAborted);
            return ApiResults.OkOrAccepted(request, service, action);
        }
        catch (TriggerBodyTooLargeException e)
        {
            return new Problem("about:blank", "Payload too large", StatusCodes.Status413PayloadTooLarge, e.Message).ToResult();
        }
    }
}
