using FunctionsCloud.Application.Users;
using FunctionsCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.Functions.Users;

/// <summary>/api/account/v1/organization/{organization}/team/: an organization's teams, their roles and members.</summary>
public sealed class TeamFunctions(OrganizationService organizations)
{
    private const string Collection = "api/account/v1/organization/{organization}/team";
    private const string Item = "api/account/v1/organization/{organization}/team/{team}";

    [Function("CreateTeam")]
    public async Task<IResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Collection)] HttpRequest request, string organization)
    {
        var body = await request.ReadBodyAsync<TeamRequest>();
        var team = await organizations.CreateTeamAsync(request.Caller(), organization, body, request.HttpContext.RequestAborted);
        return ApiResults.Created(team, team.ResourceUri);
    }

    [Function("ListTeams")]
    public async Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Collection)] HttpRequest request, string organization)
    {
        var list = request.ListRequest(OrganizationService.TeamFilterFields.Keys.ToHashSet());
        return ApiResults.List(request, list, await organizations.ListTeamsAsync(request.Caller(), organization, list, request.HttpContext.RequestAborted));
    }

    [Function("GetTeam")]
    public async Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Item)] HttpRequest request, string organization, string team) =>
        ApiResults.Ok(await organizations.GetTeamAsync(request.Caller(), organization, team, request.HttpContext.RequestAborted));

    [Function("PatchTeam")]
    public async Task<IResult> Patch([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = Item)] HttpRequest request, string organization, string team)
    {
        var body = await request.ReadBodyAsync<TeamRequest>();
        return ApiResults.Ok(await organizations.PatchTeamAsync(request.Caller(), organization, team, body, request.HttpContext.RequestAborted));
    }

    [Function("DeleteTeam")]
    public async Task<IResult> Delete([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Item)] HttpRequest request, string organization, string team) =>
        ApiResults.Ok(await organizations.DeleteTeamAsync(request.Caller(), organization, team, request.HttpContext.RequestAborted));
}
