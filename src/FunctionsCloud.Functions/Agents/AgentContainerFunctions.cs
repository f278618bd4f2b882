using FunctionsCloud.Application.Agents;
using FunctionsCloud.Application.Repositories;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.Functions.Agents;

/// <summary>The agents' view of their node's desired containers, with the node secret as for heartbeats.</summary>
public sealed class AgentContainerFunctions(DesiredContainerReader desired, RegistryCredentialIssuer registryCredentials, NodeCredentials credentials)
{
    [Function("AgentDesiredContainers")]
    public async Task<IResult> DesiredContainers([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/agent/v1/containers")] HttpRequest request)
    {
        var node = credentials.AuthenticateNode(request.Headers.Authorization.FirstOrDefault());
        return Results.Json(await desired.ReadAsync(node, request.HttpContext.RequestAborted));
    }

    /// <summary>The credentials for one private image the agent must pull (404: none are registered; pull without).</summary>
    [Function("AgentRegistryCredential")]
    public async Task<IResult> RegistryCredential([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/agent/v1/registry-credential")] HttpRequest request)
    {
        var node = credentials.AuthenticateNode(request.Headers.Authorization.FirstOrDefault());
        var body = await request.ReadBodyAsync<RegistryCredentialRequest>();
        return Results.Json(await registryCredentials.IssueAsync(node, body, request.HttpContext.RequestAborted));
    }
}
