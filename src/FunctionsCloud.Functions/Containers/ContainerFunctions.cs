using FunctionsCloud.Application.Services;
using FunctionsCloud.Application.Containers;
using FunctionsCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Functions.Containers;

/// <summary>/api/app/v1/container/: thin adapters over <see cref="ContainerService"/>.</summary>
public sealed class ContainerFunctions(ContainerService containers)
{
    private const string Collection = "api/app/v1/container";
    private const string Resource = "container";
    private const string Item = "api/app/v1/container/{uuid}";

    [Function("ListContainers")]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Collection)] HttpRequest request) =>
        request.ListAsync(containers.FilterableFields, containers.ListAsync);

    [Function("GetContainer")]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Item)] HttpRequest request, string uuid) =>
        request.GetAsync(uuid, Resource, containers.GetAsync);

    [Function("StartContainer")]
    public Task<IResult> Start(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Item + "/start")] HttpRequest request, string uuid, [DurableClient] DurableTaskClient durable) =>
        request.OperateAsync(uuid, Resource, durable, containers.StartAsync);

    [Function("StopContainer")]
    public Task<IResult> Stop(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Item + "/stop")] HttpRequest request, string uuid, [DurableClient] DurableTaskClient durable) =>
        request.OperateAsync(uuid, Resource, durable, containers.StopAsync);

    [Function("RedeployContainer")]
    public Task<IResult> Redeploy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Item + "/redeploy")] HttpRequest request, string uuid, [DurableClient] DurableTaskClient durable) =>
        request.OperateAsync(uuid, Resource, durable, (caller, info, id, client, aborted) =>
            containers.RedeployAsync(caller, info, id, client, aborted, ReuseVolumes.From(ApiResults.Query(request))));

    [Function("TerminateContainer")]
    public Task<IResult> Terminate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Item)] HttpRequest request, string uuid, [DurableClient] DurableTaskClient durable) =>
        request.OperateAsync(uuid, Resource, durable, containers.TerminateAsync);
}
