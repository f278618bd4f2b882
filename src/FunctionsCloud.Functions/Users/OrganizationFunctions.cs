using FunctionsCloud.Application.Users;
using FunctionsCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.Functions.Users;

/// <summary>/api/account/v1/organization/: organizations, each a namespace of its own shared by its teams.</summary>
public sealed class OrganizationFunctions(OrganizationService organizations)
{
    private const string Collection = "api/account/v1/organization";
    private const string Item = "api/account/v1/organization/{organization}";

    [Function("CreateOrganization")]
    public async Task<IResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Collection)] HttpRequest request)
    {
        var body = await request.ReadBodyAsync<CreateOrganizationRequest>();
        var organization = await organizations.CreateAsync(request.Caller(), body, request.HttpContext.RequestAborted);
        return ApiResults.Created(organization, organization.ResourceUri);
    }

    [Function("ListOrganizations")]
    public async Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Collection)] HttpRequest request)
    {
        var list = request.ListRequest(OrganizationService.FilterFields.Keys.ToHashSet());
        return ApiResults.List(request, list, await organizations.ListAsync(request.Caller(), list, request.HttpContext.RequestAborted));
    }

    [Function("GetOrganization")]
    public async Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Item)] HttpRequest request, string organization) =>
        ApiResults.Ok(await organizations.GetAsync(request.Caller(), organization, request.HttpContext.RequestAborted));

    [Function("RemoveOrganization")]
    public async Task<IResult> Remove([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Item)] HttpRequest request, string organization) =>
        ApiResults.Ok(await organizations.RemoveAsync(request.Caller(), organization, request.HttpContext.RequestAborted));
}
