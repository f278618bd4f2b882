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
    private const string Item = "api/app/v1/container/{uuid}";

    [Function("ListContainers")]
    public async Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Collection)] HttpRequest request)
    {
        var list = request.ListRequest(containers.FilterableFields);
        return ApiResults.List(request, list, await containers.ListAsync(request.Caller(), list, request.HttpContext.RequestAborted));
    }

    [Function("GetContainer")]
    public async Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Item)] HttpRequest request, string uuid) =>
        ApiResults.Ok(await containers.GetAsync(request.Caller(), Uuid(uuid), request.HttpContext.RequestAborted));

    [Function("StartContainer")]
    public async Task<IResult> Start(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Item + "/start")] HttpRequest request, string uuid, [DurableClient] DurableTaskClient durable) =>
        Accepted(request, await containers.StartAsync(request.Caller(), request.Info(), Uuid(uuid), durable, request.HttpContext.RequestAborted));

    [Function("StopContainer")]
    public async Task<IResult> Stop(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Item + "/stop")] HttpRequest request, string uuid, [DurableClient] DurableTaskClient durable) =>
        Accepted(request, await containers.StopAsync(request.Caller(), request.Info(), Uuid(uuid), durable, request.HttpContext.RequestAborted));

    [Function("RedeployContainer")]
    public async Task<IResult> Redeploy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Item + "/redeploy")] HttpRequest request, string uuid, [DurableClient] DurableTaskClient durable) =>
        Accepted(request, await containers.RedeployAsync(
            request.Caller(), request.Info(), Uuid(uuid), durable, request.HttpContext.RequestAborted, ReuseVolumes.From(ApiResults.Query(request))));

    [Function("TerminateContainer")]
    public async Task<IResult> Terminate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Item)] HttpRequest request, string uuid, [DurableClient] DurableTaskClient durable) =>
        Accepted(request, await containers.TerminateAsync(request.Caller(), request.Info(), Uuid(uuid), durable, request.HttpContext.RequestAborted));

    private static IResult Accepted(HttpRequest request, (ContainerResource Container, Domain.Actions.ActionRecord Action) started) =>
        ApiResults.Accepted(request, started.Container, started.Action);

    private static Guid Uuid(string value) => HttpRequestExtensions.ParseUuid(value, "container");
}
