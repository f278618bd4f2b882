namespace FunctionsCloud.Testing.BadInput;

/// <summary>
/// How the bad-input corpus calls each HTTP function, by name. A function missing here fails the coverage test: a new
/// route joins the corpus when it is added.
/// </summary>
public static class BadInputRoutes
{
    private static readonly RouteUse Read = new(RouteCaller.Admin, RouteBody.None);
    private static readonly RouteUse Operation = new(RouteCaller.Admin, RouteBody.None);
    private static readonly RouteUse Write = new(RouteCaller.Admin, RouteBody.Json);
    private static readonly RouteUse Download = new(RouteCaller.Anonymous, RouteBody.None);

    public static IReadOnlyDictionary<string, RouteUse> Uses { get; } = new Dictionary<string, RouteUse>(StringComparer.Ordinal)
    {
        ["ListProviders"] = Read, ["GetProvider"] = Read, ["ListRegions"] = Read, ["GetRegion"] = Read,
        ["ListNodeTypes"] = Read, ["GetNodeType"] = Read, ["ListAvailabilityZones"] = Read, ["GetAvailabilityZone"] = Read,
        ["GetProviderAccount"] = Read, ["LinkProviderAccount"] = Write, ["UnlinkProviderAccount"] = Operation,
        ["ListNodeClusters"] = Read, ["GetNodeCluster"] = Read, ["CreateNodeCluster"] = Write, ["PatchNodeCluster"] = Write,
        ["DeployNodeCluster"] = Operation, ["TerminateNodeCluster"] = Operation,
        ["ListNodes"] = Read, ["GetNode"] = Read, ["PatchNode"] = Write, ["TerminateNode"] = Operation, ["HealthCheckNode"] = Operation,
        ["UpgradeNodeDocker"] = Operation,
        ["ListRegistrationTokens"] = Read, ["GetRegistrationToken"] = Read, ["CreateRegistrationToken"] = Write,
        ["RevokeRegistrationToken"] = Operation,
        ["ListRepositories"] = Read, ["GetRepository"] = Read, ["RegisterRepository"] = Write, ["ChangeRepository"] = Write,
        ["ForgetRepository"] = Operation,
        ["ListApiKeys"] = Read, ["CreateApiKey"] = Write, ["RevokeApiKey"] = Operation,
        ["ListUsers"] = Read, ["GetUser"] = Read, ["GetMe"] = Read, ["CreateUser"] = Write, ["PatchUser"] = Write, ["RemoveUser"] = Operation,
        ["ListOrganizations"] = Read, ["GetOrganization"] = Read, ["CreateOrganization"] = Write, ["RemoveOrganization"] = Operation,
        ["ListTeams"] = Read, ["GetTeam"] = Read, ["CreateTeam"] = Write, ["PatchTeam"] = Write, ["DeleteTeam"] = Operation,
        ["ListServices"] = Read, ["GetService"] = Read, ["CreateService"] = Write, ["PatchService"] = Write,
        ["StartService"] = Operation, ["StopService"] = Operation, ["RedeployService"] = Operation, ["ScaleService"] = Operation,
        ["TerminateService"] = Operation,
        ["ListStacks"] = Read, ["GetStack"] = Read, ["ExportStack"] = Read, ["CreateStack"] = Write, ["PatchStack"] = Write,
        ["StartStack"] = Operation, ["StopStack"] = Operation, ["RedeployStack"] = Operation, ["TerminateStack"] = Operation,
        ["ListContainers"] = Read, ["GetContainer"] = Read, ["StartContainer"] = Operation, ["StopContainer"] = Operation,
        ["RedeployContainer"] = Operation, ["TerminateContainer"] = Operation,
        ["ListTriggers"] = Read, ["GetTrigger"] = Read, ["CreateTrigger"] = Write, ["DeleteTrigger"] = Operation,
        ["CallTrigger"] = new(RouteCaller.Anonymous, RouteBody.Text), ["CallTriggerSteps"] = new(RouteCaller.Anonymous, RouteBody.Text),
        ["ListActions"] = Read, ["GetAction"] = Read, ["CancelAction"] = Operation, ["RetryAction"] = Operation,
        ["ListEvents"] = Read, ["GetEvent"] = Read, ["ListPoisonCommands"] = Read,
        ["ContainerLogs"] = Read, ["ServiceLogs"] = Read, ["ActionLogs"] = Read, ["StreamEvents"] = Read,
        ["DownloadContainerLogs"] = Read, ["DownloadServiceLogs"] = Read,
        ["RegisterAgent"] = new(RouteCaller.Agent, RouteBody.Json), ["AgentHeartbeat"] = new(RouteCaller.Agent, RouteBody.Json),
        ["RotateNodeSecret"] = new(RouteCaller.Agent, RouteBody.None), ["AgentDesiredContainers"] = new(RouteCaller.Agent, RouteBody.None),
        ["AgentRegistryCredential"] = new(RouteCaller.Agent, RouteBody.Json),
        ["AgentInstallScript"] = Download, ["AgentBuild"] = Download, ["WebDashboard"] = Download,
    };

    /// <summary>The app's HTTP functions the corpus does not call yet.</summary>
    public static IReadOnlyList<HttpRoute> Uncovered => HttpRoute.All.Where(r => !Uses.ContainsKey(r.Function)).ToList();
}
