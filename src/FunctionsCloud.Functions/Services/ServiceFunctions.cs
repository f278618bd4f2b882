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
    private const string Resource = "service";
    private const string Item = "api/app/v1/service/{uuid}";

    [Function("ListServices")]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Collection)] HttpRequest request) =>
        request.ListAsync(services.FilterableFields, services.ListAsync);

    [Function("GetService")]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Item)] HttpRequest request, string uuid) =>
        request.GetAsync(uuid, Resource, services.GetAsync);

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
    public Task<IResult> Start(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Item + "/start")] HttpRequest request, string uuid, [DurableClient] DurableTaskClient durable) =>
        request.OperateAsync(uuid, Resource, durable, services.StartAsync);

    [Function("StopService")]
    public Task<IResult> Stop(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Item + "/stop")] HttpRequest request, string uuid, [DurableClient] DurableTaskClient durable) =>
        request.OperateAsync(uuid, Resource, durable, services.StopAsync);

    [Function("RedeployService")]
    public Task<IResult> Redeploy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Item + "/redeploy")] HttpRequest request, string uuid, [DurableClient] DurableTaskClient durable) =>
        request.OperateAsync(uuid, Resource, durable, (caller, info, id, client, aborted) =>
            services.RedeployAsync(caller, info, id, client, aborted, reuseVolumes: ReuseVolumes.From(ApiResults.Query(request))));

    [Function("ScaleService")]
    public Task<IResult> Scale(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Item + "/scale")] HttpRequest request, string uuid, [DurableClient] DurableTaskClient durable) =>
        request.OperateAsync(uuid, Resource, durable, services.ScaleAsync);

    [Function("TerminateService")]
    public Task<IResult> Terminate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Item)] HttpRequest request, string uuid, [DurableClient] DurableTaskClient durable) =>
        request.OperateAsync(uuid, Resource, durable, services.TerminateAsync);

    private static Guid Uuid(string value) => HttpRequestExtensions.ParseUuid(value, Resource);
}
