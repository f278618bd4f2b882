using System.Text.Json;
using FunctionsCloud.Application.Accounts;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.Functions.Accounts;

/// <summary>/api/infra/v1/provider/&lt;name&gt;/account/: link, show and unlink a namespace's cloud account.</summary>
public sealed class ProviderAccountFunctions(ProviderAccountService accounts)
{
    private const string Route = "api/infra/v1/provider/{provider}/account";

    [Function("GetProviderAccount")]
    public async Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request, string provider) =>
        ApiResults.Ok(await accounts.GetAsync(request.Caller(), provider, request.HttpContext.RequestAborted));

    [Function("LinkProviderAccount")]
    public async Task<IResult> Link([HttpTrigger(AuthorizationLevel.Anonymous, "put", "post", Route = Route)] HttpRequest request, string provider)
    {
        var credentials = await request.ReadObjectBodyAsync();
        return ApiResults.Ok(await accounts.LinkAsync(request.Caller(), provider, credentials, request.HttpContext.RequestAborted));
    }

    [Function("UnlinkProviderAccount")]
    public async Task<IResult> Unlink([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Route)] HttpRequest request, string provider) =>
        ApiResults.Ok(await accounts.UnlinkAsync(request.Caller(), provider, request.HttpContext.RequestAborted));
}
