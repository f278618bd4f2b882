using FunctionsCloud.Application.Tokens;
using FunctionsCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.Functions.Tokens;

/// <summary>/api/infra/v1/token/: registration tokens for hosts of one's own, with their install command.</summary>
public sealed class RegistrationTokenFunctions(RegistrationTokenService tokens)
{
    private const string Collection = "api/infra/v1/token";
    private const string Item = "api/infra/v1/token/{uuid}";

    [Function("CreateRegistrationToken")]
    public async Task<IResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Collection)] HttpRequest request)
    {
        var body = await request.ReadOptionalBodyAsync<CreateRegistrationTokenRequest>();
        var token = await tokens.CreateAsync(request.Caller(), body, request.HttpContext.RequestAborted);
        return ApiResults.Created(token, token.ResourceUri);
    }

    [Function("ListRegistrationTokens")]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Collection)] HttpRequest request) =>
        request.ListAsync(tokens.FilterableFields, tokens.ListAsync);

    [Function("GetRegistrationToken")]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Item)] HttpRequest request, string uuid) =>
        request.GetAsync(uuid, "registration token", tokens.GetAsync);

    [Function("RevokeRegistrationToken")]
    public async Task<IResult> Revoke([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Item)] HttpRequest request, string uuid) =>
        ApiResults.Ok(await tokens.RevokeAsync(request.Caller(), Uuid(uuid), request.HttpContext.RequestAborted));

    private static Guid Uuid(string value) => HttpRequestExtensions.ParseUuid(value, "registration token");
}
