using System.Collections.Frozen;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Domain.Accounts;
using FunctionsCloud.Functions.Dashboard;
using Microsoft.AspNetCore.Http;

namespace FunctionsCloud.Functions.Authorization;

/// <summary>
/// The role each API function needs, in one place, by function name: reads need read-only, operations operator, and
/// keys, tokens, triggers, provider accounts and repositories admin. A function called with a key and missing here stops
/// the app at start-up (<see cref="RouteRoleCheck"/>; the route-by-role test fails first).
/// </summary>
public static class RouteRoles
{
    public static readonly FrozenDictionary<string, Role> Needed = new Dictionary<string, Role>
    {
        ["ListProviders"] = Role.ReadOnly,
        ["GetProvider"] = Role.ReadOnly,
        ["ListRegions"] = Role.ReadOnly,
        ["GetRegion"] = Role.ReadOnly,
        ["ListNodeTypes"] = Role.ReadOnly,
        ["GetNodeType"] = Role.ReadOnly,
        ["ListAvailabilityZones"] = Role.ReadOnly,
        ["GetAvailabilityZone"] = Role.ReadOnly,
        ["ListNodeClusters"] = Role.ReadOnly,
        ["GetNodeCluster"] = Role.ReadOnly,
        ["ListNodes"] = Role.ReadOnly,
        ["GetNode"] = Role.ReadOnly,
        ["ListServices"] = Role.ReadOnly,
        ["GetService"] = Role.ReadOnly,
        ["ListStacks"] = Role.ReadOnly,
        ["GetStack"] = Role.ReadOnly,
        ["ExportStack"] = Role.ReadOnly,
        ["ListContainers"] = Role.ReadOnly,
        ["GetContainer"] = Role.ReadOnly,
        ["ListActions"] = Role.ReadOnly,
        ["GetAction"] = Role.ReadOnly,
        ["ListEvents"] = Role.ReadOnly,
        ["GetEvent"] = Role.ReadOnly,
        ["ListPoisonCommands"] = Role.ReadOnly,
        ["ListTriggers"] = Role.ReadOnly,
        ["GetTrigger"] = Role.ReadOnly,
        ["ListRegistrationTokens"] = Role.ReadOnly,
        ["GetRegistrationToken"] = Role.ReadOnly,
        ["ListRepositories"] = Role.ReadOnly,
        ["GetRepository"] = Role.ReadOnly,
        ["GetProviderAccount"] = Role.ReadOnly,
        ["ListApiKeys"] = Role.ReadOnly,
        ["ListUsers"] = Role.ReadOnly,
        ["GetUser"] = Role.ReadOnly,
        ["GetMe"] = Role.ReadOnly,
        ["ListOrganizations"] = Role.ReadOnly,
        ["GetOrganization"] = Role.ReadOnly,
        ["ListTeams"] = Role.ReadOnly,
        ["GetTeam"] = Role.ReadOnly,
        ["ContainerLogs"] = Role.ReadOnly,
        ["ServiceLogs"] = Role.ReadOnly,
        ["ActionLogs"] = Role.ReadOnly,
        ["DownloadContainerLogs"] = Role.ReadOnly,
        ["DownloadServiceLogs"] = Role.ReadOnly,
        ["StreamEvents"] = Role.ReadOnly,
        // The catch-all answers /api/ paths that name no function: 404 to any key.
        [DashboardFunction.Name] = Role.ReadOnly,

        ["CreateNodeCluster"] = Role.Operator,
        ["PatchNodeCluster"] = Role.Operator,
        ["DeployNodeCluster"] = Role.Operator,
        ["TerminateNodeCluster"] = Role.Operator,
        ["PatchNode"] = Role.Operator,
        ["TerminateNode"] = Role.Operator,
        ["HealthCheckNode"] = Role.Operator,
        ["UpgradeNodeDocker"] = Role.Operator,
        ["CreateService"] = Role.Operator,
        ["PatchService"] = Role.Operator,
        ["StartService"] = Role.Operator,
        ["StopService"] = Role.Operator,
        ["RedeployService"] = Role.Operator,
        ["ScaleService"] = Role.Operator,
        ["TerminateService"] = Role.Operator,
        ["CreateStack"] = Role.Operator,
        ["PatchStack"] = Role.Operator,
        ["StartStack"] = Role.Operator,
        ["StopStack"] = Role.Operator,
        ["RedeployStack"] = Role.Operator,
        ["TerminateStack"] = Role.Operator,
        ["StartContainer"] = Role.Operator,
        ["StopContainer"] = Role.Operator,
        ["RedeployContainer"] = Role.Operator,
        ["TerminateContainer"] = Role.Operator,
        ["CancelAction"] = Role.Operator,
        ["RetryAction"] = Role.Operator,

        ["CreateTrigger"] = Role.Admin,
        ["DeleteTrigger"] = Role.Admin,
        ["CreateRegistrationToken"] = Role.Admin,
        ["RevokeRegistrationToken"] = Role.Admin,
        ["LinkProviderAccount"] = Role.Admin,
        ["UnlinkProviderAccount"] = Role.Admin,
        ["RegisterRepository"] = Role.Admin,
        ["ChangeRepository"] = Role.Admin,
        ["ForgetRepository"] = Role.Admin,
        ["CreateApiKey"] = Role.Admin,
        ["RevokeApiKey"] = Role.Admin,
        // Users and organizations also need an administrator of the installation (or, for teams, of the organization).
        ["CreateUser"] = Role.Admin,
        ["PatchUser"] = Role.Admin,
        ["RemoveUser"] = Role.Admin,
        ["CreateOrganization"] = Role.Admin,
        ["RemoveOrganization"] = Role.Admin,
        ["CreateTeam"] = Role.Admin,
        ["PatchTeam"] = Role.Admin,
        ["DeleteTeam"] = Role.Admin,
    }.ToFrozenDictionary();

    /// <summary>Refuses the caller when their role is weaker than the function needs (403 naming the role).</summary>
    public static void Demand(string function, Caller caller, HttpRequest request)
    {
        if (!Needed.TryGetValue(function, out var needed))
            throw new InvalidOperationException($"Function {function} declares no role in {nameof(RouteRoles)}.");
        if (caller.Role < needed)
            throw new RoleRequiredException(needed, $"{request.Method} {request.Path}");
    }
}
