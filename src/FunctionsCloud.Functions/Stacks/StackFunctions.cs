using FunctionsCloud.Application.Stacks;
using FunctionsCloud.Application.Stacks.Operations;
using FunctionsCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Functions.Stacks;

/// <summary>/api/app/v1/stack/: thin adapters over <see cref="StackService"/>.</summary>
public sealed class StackFunctions(StackService stacks)
{
    private const string Collection = "api/app/v1/stack";
    private const string Resource = "stack";
    private const string Item = "api/app/v1/stack/{uuid}";

    [Function("ListStacks")]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Collection)] HttpRequest request) =>
        request.ListAsync(stacks.FilterableFields, stacks.ListAsync);

    [Function("GetStack")]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Item)] HttpRequest request, string uuid) =>
        request.GetAsync(uuid, Resource, stacks.GetAsync);

    [Function("ExportStack")]
    public async Task<IResult> Export([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Item + "/export")] HttpRequest request, string uuid) =>
        Results.Text(await stacks.ExportAsync(request.Caller(), Uuid(uuid), request.HttpContext.RequestAborted), "application/yaml");

    /// <summary>JSON <c>{name, services}</c>, or a stackfile (Content-Type application/yaml) named by <c>?name=</c>.</summary>
    [Function("CreateStack")]
    public async Task<IResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Collection)] HttpRequest request)
    {
        var aborted = request.HttpContext.RequestAborted;
        var stack = StackfileBody.IsYaml(request)
            ? await stacks.CreateFromStackfileAsync(request.Caller(), request.Query["name"].FirstOrDefault(), request.Query["nickname"].FirstOrDefault(),
                await StackfileBody.ReadAsync(request), aborted)
            : await stacks.CreateAsync(request.Caller(), await request.ReadBodyAsync<CreateStackRequest>(), aborted);
        return ApiResults.Created(stack, stack.ResourceUri);
    }

    /// <summary>JSON <c>{services, nickname}</c>, or a stackfile (Content-Type application/yaml) that the services become.</summary>
    [Function("PatchStack")]
    public async Task<IResult> Patch([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = Item)] HttpRequest request, string uuid)
    {
        var aborted = request.HttpContext.RequestAborted;
        return ApiResults.Ok(StackfileBody.IsYaml(request)
            ? await stacks.PatchFromStackfileAsync(request.Caller(), Uuid(uuid), await StackfileBody.ReadAsync(request), aborted)
            : await stacks.PatchAsync(request.Caller(), Uuid(uuid), await request.ReadBodyAsync<PatchStackRequest>(), aborted));
    }

    [Function("StartStack")]
    public Task<IResult> Start(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Item + "/start")] HttpRequest request, string uuid, [DurableClient] DurableTaskClient durable) =>
        OperateAsync(request, uuid, StackOperationKind.Start, durable);

    [Function("StopStack")]
    public Task<IResult> Stop(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Item + "/stop")] HttpRequest request, string uuid, [DurableClient] DurableTaskClient durable) =>
        OperateAsync(request, uuid, StackOperationKind.Stop, durable);

    [Function("RedeployStack")]
    public Task<IResult> Redeploy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Item + "/redeploy")] HttpRequest request, string uuid, [DurableClient] DurableTaskClient durable) =>
        OperateAsync(request, uuid, StackOperationKind.Redeploy, durable);

    [Function("TerminateStack")]
    public Task<IResult> Terminate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Item)] HttpRequest request, string uuid, [DurableClient] DurableTaskClient durable) =>
        OperateAsync(request, uuid, StackOperationKind.Terminate, durable);

    private Task<IResult> OperateAsync(HttpRequest request, string uuid, StackOperationKind kind, DurableTaskClient durable) =>
        request.OperateAsync(uuid, Resource, durable, (caller, info, id, client, aborted) => stacks.OperateAsync(caller, info, id, kind, client, aborted));

    private static Guid Uuid(string value) => HttpRequestExtensions.ParseUuid(value, Resource);
}
