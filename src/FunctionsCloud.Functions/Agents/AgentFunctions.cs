using FunctionsCloud.Application.Agents;
using FunctionsCloud.Application.Telemetry;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Functions.Agents;

/// <summary>The agents' endpoints: registration with a one-time token, then heartbeats (and secret rotation) with the node secret.</summary>
public sealed class AgentFunctions(AgentRegistrar registrar, HeartbeatRecorder heartbeats, NodeSecretRotator rotator, NodeCredentials credentials)
{
    [Function("RegisterAgent")]
    public async Task<IResult> Register(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/agent/v1/register")] HttpRequest request, [DurableClient] DurableTaskClient durable)
    {
        var body = await request.ReadBodyAsync<AgentRegistrationRequest>();
        var identity = await registrar.RegisterAsync(body, durable, request.HttpContext.RequestAborted);
        return Results.Json(identity, statusCode: StatusCodes.Status201Created);
    }

    [Function("AgentHeartbeat")]
    public async Task<IResult> Heartbeat(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/agent/v1/heartbeat")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        Results.Json(await HeartbeatMetrics.CountAsync(BeatAsync(request, durable)));

    private async Task<HeartbeatResponse> BeatAsync(HttpRequest request, DurableTaskClient durable)
    {
        var node = credentials.AuthenticateNode(request.Headers.Authorization.FirstOrDefault());
        var body = await request.ReadBodyAsync<HeartbeatRequest>(HeartbeatRecorder.MaxBodyBytes);
        return await heartbeats.RecordAsync(node, body, request.HttpContext.RequestAborted, durable);
    }

    [Function("RotateNodeSecret")]
    public async Task<IResult> RotateSecret([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/agent/v1/rotate")] HttpRequest request)
    {
        var node = credentials.AuthenticateNode(request.Headers.Authorization.FirstOrDefault());
        return Results.Json(await rotator.RotateAsync(node, request.HttpContext.RequestAborted));
    }
}
