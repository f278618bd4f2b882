using FunctionsCloud.Application.NodeClusters;
using FunctionsCloud.Domain.Resources;
using FunctionsCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Functions.NodeClusters;

/// <summary>/api/infra/v1/nodecluster/: thin adapters over <see cref="NodeClusterService"/>.</summary>
public sealed class NodeClusterFunctions(NodeClusterService clusters)
{
    private const string Collection = "api/infra/v1/nodecluster";
    private const string Resource = "node cluster";
    private const string Item = "api/infra/v1/nodecluster/{uuid}";

    [Function("ListNodeClusters")]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Collection)] HttpRequest request) =>
        request.ListAsync(clusters.FilterableFields, clusters.ListAsync);

    [Function("GetNodeCluster")]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Item)] HttpRequest request, string uuid) =>
        request.GetAsync(uuid, Resource, clusters.GetAsync);

    [Function("CreateNodeCluster")]
    public async Task<IResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Collection)] HttpRequest request)
    {
        var body = await request.ReadBodyAsync<CreateNodeClusterRequest>();
        var cluster = await clusters.CreateAsync(request.Caller(), body, request.HttpContext.RequestAborted);
        return ApiResults.Created(cluster, cluster.ResourceUri);
    }

    [Function("PatchNodeCluster")]
    public async Task<IResult> Patch(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = Item)] HttpRequest request, string uuid, [DurableClient] DurableTaskClient durable)
    {
        var body = await request.ReadBodyAsync<PatchNodeClusterRequest>();
        var (cluster, action) = await clusters.PatchAsync(request.Caller(), request.Info(), Uuid(uuid), body, durable, request.HttpContext.RequestAborted);
        return ApiResults.OkOrAccepted(request, cluster, action);
    }

    [Function("DeployNodeCluster")]
    public Task<IResult> Deploy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Item + "/deploy")] HttpRequest request, string uuid, [DurableClient] DurableTaskClient durable) =>
        request.OperateAsync(uuid, Resource, durable, clusters.DeployAsync);

    [Function("TerminateNodeCluster")]
    public Task<IResult> Terminate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Item)] HttpRequest request, string uuid, [DurableClient] DurableTaskClient durable) =>
        request.OperateAsync(uuid, Resource, durable, clusters.TerminateAsync);

    private static Guid Uuid(string value) => HttpRequestExtensions.ParseUuid(value, Resource);
}
