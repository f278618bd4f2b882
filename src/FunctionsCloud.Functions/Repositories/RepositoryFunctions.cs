using FunctionsCloud.Application.Repositories;
using FunctionsCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.Functions.Repositories;

/// <summary>/api/repo/v1/repository/: private repositories and the credentials the nodes pull them with, addressed by name.</summary>
public sealed class RepositoryFunctions(RepositoryService repositories)
{
    private const string Collection = "api/repo/v1/repository";
    // A repository's name holds slashes (registry.example.com/team/app): the rest of the path is the name.
    private const string Item = "api/repo/v1/repository/{*name}";

    [Function("RegisterRepository")]
    public async Task<IResult> Register([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Collection)] HttpRequest request)
    {
        var body = await request.ReadBodyAsync<RegisterRepositoryRequest>();
        var repository = await repositories.RegisterAsync(request.Caller(), body, request.HttpContext.RequestAborted);
        return ApiResults.Created(repository, repository.ResourceUri);
    }

    [Function("ListRepositories")]
    public async Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Collection)] HttpRequest request)
    {
        var list = request.ListRequest(RepositoryService.FilterFields.Keys.ToHashSet());
        return ApiResults.List(request, list, await repositories.ListAsync(request.Caller(), list, request.HttpContext.RequestAborted));
    }

    [Function("GetRepository")]
    public async Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Item)] HttpRequest request, string name) =>
        ApiResults.Ok(await repositories.GetAsync(request.Caller(), NameOf(name), request.HttpContext.RequestAborted));

    [Function("ChangeRepository")]
    public async Task<IResult> Change([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = Item)] HttpRequest request, string name)
    {
        var body = await request.ReadBodyAsync<ChangeRepositoryRequest>();
        return ApiResults.Ok(await repositories.ChangeAsync(request.Caller(), NameOf(name), body, request.HttpContext.RequestAborted));
    }

    [Function("ForgetRepository")]
    public async Task<IResult> Forget([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Item)] HttpRequest request, string name) =>
        ApiResults.Ok(await repositories.ForgetAsync(request.Caller(), NameOf(name), request.HttpContext.RequestAborted));

    /// <summary>Resource URIs end with a slash, which the catch-all keeps.</summary>
    private static string NameOf(string name) => name.TrimEnd('/');
}
