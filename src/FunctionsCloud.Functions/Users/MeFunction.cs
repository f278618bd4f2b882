using FunctionsCloud.Application.Users;
using FunctionsCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.Functions.Users;

/// <summary>/api/account/v1/me/: who the caller's key stands for, so that clients offer only what its role allows.</summary>
public sealed class MeFunction
{
    [Function("GetMe")]
    public static IResult Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/account/v1/me")] HttpRequest request) =>
        ApiResults.Ok(MeResource.From(request.Caller()));
}
