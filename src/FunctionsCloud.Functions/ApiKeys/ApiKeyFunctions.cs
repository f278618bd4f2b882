using FunctionsCloud.Application.ApiKeys;
using FunctionsCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.Functions.ApiKeys;

/// <summary>/api/account/v1/apikey/: the caller's own API keys.</summary>
public sealed class ApiKeyFunctions(ApiKeyService keys)
{
    private const string Collection = "api/account/v1/apikey";
    private const string Item = "api/account/v1/apikey/{uuid}";

    [Function("CreateApiKey")]
    public async Task<IResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Collection)] HttpRequest request)
    {
        var body = await request.ReadBodyAsync<CreateApiKeyRequest>();
        var key = await keys.CreateAsync(request.Caller(), body, request.HttpContext.RequestAborted);
        return ApiResults.Created(key, key.ResourceUri);
    }

    [Function("ListApiKeys")]
    public async Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Collection)] HttpRequest request)
    {
        var list = request.ListRequest(ApiKeyService.FilterFields.Keys.ToHashSet());
        return ApiResults.List(request, list, await keys.ListAsync(request.Caller(), list, request.HttpContext.RequestAborted));
    }

    [Function("RevokeApiKey")]
    public async Task<IResult> Revoke([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Item)] HttpRequest request, string uuid) =>
        ApiResults.Ok(await keys.RevokeAsync(request.Caller(), HttpRequestExtensions.ParseUuid(uuid, "API key"), request.HttpContext.RequestAborted));
}
