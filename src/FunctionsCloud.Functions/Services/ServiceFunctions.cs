using FunctionsCloud.Application.Services;
using FunctionsCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Functions.Services;

/// <summary>/api/app/v1/service/: thin adapters over <see cref="ServiceService"/>.</summary>
public sealed class ServiceFunctions(ServiceService services)
{
    private const string Collection = "api/app/v1/service";
    private const string Item = "api/app/v1/service/{uuid}";

    [Function("ListServices")]
    public async Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Collection)] HttpRequest request)
    {
        var list = request.ListRequest(services.FilterableFields);
        return ApiResults.List(request, list, await services.ListAsync(request.Caller(), list, request.HttpContext.RequestAborted));
    }

    [Function("GetService")]
    public async Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Item)] HttpRequest request, string uuid) =>
        ApiResults.Ok(await services.GetAsync(request.Caller(), Uuid(uuid), request.HttpContext.RequestAborted));

    [Function("CreateService")]
    public async Task<IResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Collection)] HttpRequest request)
    {
        var body = await request.ReadBodyAsync<CreateServiceRequest>();
        var service = await services.CreateAsync(request.Caller(), body, request.HttpContext.RequestAborted);
        return ApiResults.Created(service, service.ResourceUri);
    }

    [Function("PatchService")]
    public async Task<IResult> Patch(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = Item)] HttpRequest request, string uuid, [DurableClient] DurableTaskClient durable)
    {
        var body = await request.ReadBodyAsync<PatchServiceRequest>();
        var (service, action) = await services.PatchAsync(request.Caller(), request.Info(), Uuid(uuid), body, durable, request.HttpContext.RequestAborted);
        return ApiResults.OkOrAccepted(request, service, action);
    }

    [Function("StartService")]
    public async Task<IResult> Start(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Item + "/start")] HttpRequest request, string uuid, [DurableClient] DurableTaskClient durable) =>
        Accepted(request, await services.StartAsync(request.Caller(), request.Info(), Uuid(uuid), durable, request.HttpContext.RequestAborted));

    [Function("StopService")]
    public async Task<IResult> Stop(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Item + "/stop")] HttpRequest request, string uuid, [DurableClient] DurableTaskClient durable) =>
        Accepted(request, await services.StopAsync(request.Caller(), request.Info(), Uuid(uuid), durable, request.HttpContext.RequestAborted));

    [Function("RedeployService")]
    public async Task<IResult> Redeploy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Item + "/redeploy")] HttpRequest request, string uuid, [DurableClient] DurableTaskClient durable) =>
        Accepted(request, await services.RedeployAsync(
            request.Caller(), request.Info(), Uuid(uuid), durable, request.HttpContext.RequestAborted, reuseVolumes: ReuseVolumes.From(ApiResults.Query(request))));

    [Function("ScaleService")]
    public async Task<IResult> Scale(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Item + "/scale")] HttpRequest request, string uuid, [DurableClient] DurableTaskClient durable) =>
        Accepted(request, await services.ScaleAsync(request.Caller(), request.Info(), Uuid(uuid), durable, request.HttpContext.RequestAborted));

    [Function("TerminateService")]
    public async Task<IResult> Terminate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Item)] HttpRequest request, string uuid, [DurableClient] DurableTaskClient durable) =>
        Accepted(request, await services.TerminateAsync(request.Caller(), request.Info(), Uuid(uuid), durable, request.HttpContext.RequestAborted));

    private static IResult Accepted(HttpRequest request, (ServiceResource Service, Domain.Actions.ActionRecord Action) started) =>
        ApiResults.Accepted(request, started.Service, started.Action);

    private static Guid Uuid(string value) => HttpRequestExtensions.ParseUuid(value, "service");
}
