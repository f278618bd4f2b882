using FunctionsCloud.Application.Users;
using FunctionsCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.Functions.Users;

/// <summary>/api/account/v1/user/: the installation's users, made, changed and removed by its administrators.</summary>
public sealed class UserFunctions(UserService users)
{
    private const string Collection = "api/account/v1/user";
    private const string Item = "api/account/v1/user/{username}";

    [Function("CreateUser")]
    public async Task<IResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Collection)] HttpRequest request)
    {
        var body = await request.ReadBodyAsync<CreateUserRequest>();
        var user = await users.CreateAsync(request.Caller(), body, request.HttpContext.RequestAborted);
        return ApiResults.Created(user, user.ResourceUri);
    }

    [Function("ListUsers")]
    public async Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Collection)] HttpRequest request)
    {
        var list = request.ListRequest(UserService.FilterFields.Keys.ToHashSet());
        return ApiResults.List(request, list, await users.ListAsync(request.Caller(), list, request.HttpContext.RequestAborted));
    }

    [Function("GetUser")]
    public async Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Item)] HttpRequest request, string username) =>
        ApiResults.Ok(await users.GetAsync(request.Caller(), username, request.HttpContext.RequestAborted));

    [Function("PatchUser")]
    public async Task<IResult> Patch([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = Item)] HttpRequest request, string username)
    {
        var body = await request.ReadBodyAsync<PatchUserRequest>();
        return ApiResults.Ok(await users.PatchAsync(request.Caller(), username, body, request.HttpContext.RequestAborted));
    }

    [Function("RemoveUser")]
    public async Task<IResult> Remove([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Item)] HttpRequest request, string username) =>
        ApiResults.Ok(await users.RemoveAsync(request.Caller(), username, request.HttpContext.RequestAborted));
}
