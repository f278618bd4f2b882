using FunctionsCloud.Application.Agents;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.Functions.Agents;

/// <summary>The agents' view of their node's desired containers, with the node secret as for heartbeats.</summary>
public sealed class AgentContainerFunctions(DesiredContainerReader desired, NodeCredentials credentials)
{
    [Function("AgentDesiredContainers")]
    public async Task<IResult> DesiredContainers([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/agent/v1/containers")] HttpRequest request)
    {
        var node = credentials.AuthenticateNode(request.Headers.Authorization.FirstOrDefault());
        return Results.Json(await desired.ReadAsync(node, request.HttpContext.RequestAborted));
    }
}
