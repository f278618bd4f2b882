using FunctionsCloud.Application.Nodes;
using FunctionsCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Functions.Nodes;

/// <summary>/api/infra/v1/node/: thin adapters over <see cref="NodeService"/>.</summary>
public sealed class NodeFunctions(NodeService nodes)
{
    private const string Collection = "api/infra/v1/node";
    private const string Resource = "node";
    private const string Item = "api/infra/v1/node/{uuid}";

    [Function("ListNodes")]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Collection)] HttpRequest request) =>
        request.ListAsync(nodes.FilterableFields, nodes.ListAsync);

    [Function("GetNode")]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Item)] HttpRequest request, string uuid) =>
        request.GetAsync(uuid, Resource, nodes.GetAsync);

    [Function("PatchNode")]
    public async Task<IResult> Patch([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = Item)] HttpRequest request, string uuid)
    {
        var body = await request.ReadBodyAsync<PatchNodeRequest>();
        return ApiResults.Ok(await nodes.PatchAsync(request.Caller(), Uuid(uuid), body, request.HttpContext.RequestAborted));
    }

    [Function("TerminateNode")]
    public Task<IResult> Terminate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Item)] HttpRequest request, string uuid, [DurableClient] DurableTaskClient durable) =>
        request.OperateAsync(uuid, Resource, durable, nodes.TerminateAsync);

    [Function("HealthCheckNode")]
    public async Task<IResult> HealthCheck([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Item + "/health-check")] HttpRequest request, string uuid) =>
        ApiResults.Ok(await nodes.HealthCheckAsync(request.Caller(), Uuid(uuid), request.HttpContext.RequestAborted));

    [Function("UpgradeNodeDocker")]
    public Task<IResult> UpgradeDocker(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Item + "/docker-upgrade")] HttpRequest request, string uuid, [DurableClient] DurableTaskClient durable) =>
        request.OperateAsync(uuid, Resource, durable, nodes.UpgradeDockerAsync);

    private static Guid Uuid(string value) => HttpRequestExtensions.ParseUuid(value, Resource);
}
