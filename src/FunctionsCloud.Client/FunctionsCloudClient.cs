using FunctionsCloud.Client.Http;
using FunctionsCloud.Client.Operations;
using FunctionsCloud.Client.Requests;
using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Client;

/// <summary>
/// FunctionsCloud's public API, as the dashboard and the command line use it. The HttpClient's base address is the
/// site root (resource URIs are absolute paths) and it carries the credentials.
/// </summary>
public sealed class FunctionsCloudClient
{
    private readonly ApiConnection connection;

    public FunctionsCloudClient(HttpClient http)
    {
        connection = new ApiConnection(http);
        var json = ClientJson.Default;
        Providers = new(connection, "/api/infra/v1/provider/", json.Provider, json.ListPageProvider);
        Regions = new(connection, "/api/infra/v1/region/", json.Region, json.ListPageRegion);
        NodeTypes = new(connection, "/api/infra/v1/nodetype/", json.NodeType, json.ListPageNodeType);
        NodeClusters = new(connection, "/api/infra/v1/nodecluster/", json.NodeCluster, json.ListPageNodeCluster);
        Nodes = new(connection, "/api/infra/v1/node/", json.Node, json.ListPageNode);
        Services = new(connection, "/api/app/v1/service/", json.Service, json.ListPageService);
        Containers = new(connection, "/api/app/v1/container/", json.Container, json.ListPageContainer);
        Stacks = new(connection, StackCollection, json.Stack, json.ListPageStack);
        Actions = new(connection, ActionUris.Collection, json.AuditAction, json.ListPageAuditAction);
        Events = new(connection, "/api/audit/v1/event/", json.NodeEvent, json.ListPageNodeEvent);
        Tokens = new(connection, "/api/infra/v1/token/", json.RegistrationToken, json.ListPageRegistrationToken);
        ApiKeys = new(connection, "/api/account/v1/apikey/", json.ApiKey, json.ListPageApiKey);
        Users = new(connection, "/api/account/v1/user/", json.User, json.ListPageUser);
        Organizations = new(connection, "/api/account/v1/organization/", json.Organization, json.ListPageOrganization);
        ProviderAccounts = new ProviderAccountClient(connection);
        Logs = new LogClient(http);
        EventStream = new EventStreamClient(http, new(connection, EventStreamClient.Path, json.ObjectEvent, json.ListPageObjectEvent));
    }

    public ResourceClient<Provider> Providers { get; }
    public ResourceClient<Region> Regions { get; }
    public ResourceClient<NodeType> NodeTypes { get; }
    public ResourceClient<NodeCluster> NodeClusters { get; }
    public ResourceClient<Node> Nodes { get; }
    public ResourceClient<Service> Services { get; }
    public ResourceClient<Container> Containers { get; }
    public ResourceClient<Stack> Stacks { get; }
    public ResourceClient<AuditAction> Actions { get; }
    public ResourceClient<NodeEvent> Events { get; }
    public ResourceClient<RegistrationToken> Tokens { get; }
    public ResourceClient<ApiKey> ApiKeys { get; }
    public ResourceClient<User> Users { get; }
    public ResourceClient<Organization> Organizations { get; }
    public ProviderAccountClient ProviderAccounts { get; }
    public LogClient Logs { get; }

    /// <summary>Every change of every object of the namespace (<c>/api/audit/v1/events/</c>), read or followed.</summary>
    public EventStreamClient EventStream { get; }

    public Task<Accepted<NodeCluster>> CreateNodeClusterAsync(CreateNodeClusterRequest request, CancellationToken cancellationToken = default) =>
        NodeClusters.CreateAsync(request, ClientJson.Default.CreateNodeClusterRequest, cancellationToken);

    /// <summary>Sets the number of nodes a deployed cluster should have; the answer names the scaling action.</summary>
    public Task<Accepted<NodeCluster>> ScaleNodeClusterAsync(string clusterUri, int targetNumNodes, CancellationToken cancellationToken = default) =>
        NodeClusters.PatchAsync(clusterUri, new ScaleNodeClusterRequest(targetNumNodes), ClientJson.Default.ScaleNodeClusterRequest, cancellationToken);

    public Task<Accepted<Service>> CreateServiceAsync(CreateServiceRequest request, CancellationToken cancellationToken = default) =>
        Services.CreateAsync(request, ClientJson.Default.CreateServiceRequest, cancellationToken);

    /// <summary>Sets the number of containers of a service; on a started service the answer names the scaling action.</summary>
    public Task<Accepted<Service>> ScaleServiceAsync(string serviceUri, int targetNumContainers, CancellationToken cancellationToken = default) =>
        Services.PatchAsync(serviceUri, new ScaleServiceRequest(targetNumContainers), ClientJson.Default.ScaleServiceRequest, cancellationToken);

    private const string StackCollection = "/api/app/v1/stack/";

    /// <summary>A stack from a stackfile in Docker Cloud's YAML format (docker-cloud.yml), created Not running.</summary>
    public Task<Accepted<Stack>> CreateStackAsync(string name, string stackfile, CancellationToken cancellationToken = default) =>
        connection.SendAsync(HttpMethod.Post, $"{StackCollection}?name={Uri.EscapeDataString(name)}", Stackfile(stackfile), ClientJson.Default.Stack, cancellationToken);

    /// <summary>Brings the stack's services to the stackfile's (added, changed, leaving); its next redeploy applies them.</summary>
    public Task<Accepted<Stack>> UpdateStackAsync(string stackUri, string stackfile, CancellationToken cancellationToken = default) =>
        connection.SendAsync(HttpMethod.Patch, stackUri, Stackfile(stackfile), ClientJson.Default.Stack, cancellationToken);

    /// <summary>The stackfile that creates the stack's services again.</summary>
    public Task<string> ExportStackAsync(string stackUri, CancellationToken cancellationToken = default) =>
        connection.GetTextAsync($"{stackUri.TrimEnd('/')}/export/", cancellationToken);

    private static StringContent Stackfile(string text) => new(text, System.Text.Encoding.UTF8, "application/yaml");

    /// <summary>A registration token and the command that makes a host of one's own a node (shown this once).</summary>
    public Task<Accepted<RegistrationToken>> CreateRegistrationTokenAsync(CreateRegistrationTokenRequest request, CancellationToken cancellationToken = default) =>
        Tokens.CreateAsync(request, ClientJson.Default.CreateRegistrationTokenRequest, cancellationToken);

    /// <summary>The triggers of the service at <paramref name="serviceUri"/> (their collection is under the service).</summary>
    public ResourceClient<Trigger> TriggersOf(string serviceUri) =>
        new(connection, $"{serviceUri.TrimEnd('/')}/trigger/", ClientJson.Default.Trigger, ClientJson.Default.ListPageTrigger);

    /// <summary>A trigger of the service at <paramref name="serviceUri"/>; its <c>url</c> is in this answer only.</summary>
    public Task<Accepted<Trigger>> CreateTriggerAsync(string serviceUri, CreateTriggerRequest request, CancellationToken cancellationToken = default) =>
        TriggersOf(serviceUri).CreateAsync(request, ClientJson.Default.CreateTriggerRequest, cancellationToken);

    /// <summary>A key of the caller's; its <c>key</c> is in this answer only.</summary>
    public Task<Accepted<ApiKey>> CreateApiKeyAsync(CreateApiKeyRequest request, CancellationToken cancellationToken = default) =>
        ApiKeys.CreateAsync(request, ClientJson.Default.CreateApiKeyRequest, cancellationToken);

    /// <summary>A user, with their first key (admin of their own namespace) in this answer only.</summary>
    public Task<Accepted<User>> CreateUserAsync(CreateUserRequest request, CancellationToken cancellationToken = default) =>
        Users.CreateAsync(request, ClientJson.Default.CreateUserRequest, cancellationToken);

    public Task<Accepted<User>> PatchUserAsync(string userUri, PatchUserRequest request, CancellationToken cancellationToken = default) =>
        Users.PatchAsync(userUri, request, ClientJson.Default.PatchUserRequest, cancellationToken);

    /// <summary>Who the client's key stands for: its user, namespace and role (<c>/api/account/v1/me/</c>).</summary>
    public Task<Me> MeAsync(CancellationToken cancellationToken = default) =>
        connection.GetAsync(MePath, ClientJson.Default.Me, cancellationToken);

    public const string MePath = "/api/account/v1/me/";

    /// <summary>A user's resource_uri: users are named by name.</summary>
    public string UserUri(string username) => $"{Users.Collection}{Uri.EscapeDataString(username)}/";

    public Task<Accepted<Organization>> CreateOrganizationAsync(CreateOrganizationRequest request, CancellationToken cancellationToken = default) =>
        Organizations.CreateAsync(request, ClientJson.Default.CreateOrganizationRequest, cancellationToken);

    /// <summary>An organization's resource_uri: organizations are named by name.</summary>
    public string OrganizationUri(string name) => $"{Organizations.Collection}{Uri.EscapeDataString(name)}/";

    /// <summary>The teams of the organization at <paramref name="organizationUri"/>.</summary>
    public ResourceClient<Team> TeamsOf(string organizationUri) =>
        new(connection, $"{organizationUri.TrimEnd('/')}/team/", ClientJson.Default.Team, ClientJson.Default.ListPageTeam);

    public Task<Accepted<Team>> CreateTeamAsync(string organizationUri, TeamRequest request, CancellationToken cancellationToken = default) =>
        TeamsOf(organizationUri).CreateAsync(request, ClientJson.Default.TeamRequest, cancellationToken);

    /// <summary>Changes a team's role or members (a list given replaces the members).</summary>
    public Task<Accepted<Team>> PatchTeamAsync(string teamUri, TeamRequest request, CancellationToken cancellationToken = default) =>
        TeamsOf(teamUri).PatchAsync(teamUri, request, ClientJson.Default.TeamRequest, cancellationToken);

    /// <summary>Reads the action every <paramref name="interval"/> until it has ended, telling <paramref name="progress"/> each look.</summary>
    /// <param name="progress">Told the action and its log at each look (the log is read only when this is given).</param>
    public async Task<AuditAction> WaitForActionAsync(
        string actionUri, TimeSpan interval, Action<AuditAction, string>? progress = null, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var action = await Actions.GetAsync(actionUri, cancellationToken);
            if (progress is not null)
                progress(action, await ActionLogAsync(actionUri, cancellationToken));
            if (action.HasEnded)
                return action;
            await Task.Delay(interval, cancellationToken);
        }
    }

    /// <summary>An action's log as text, a line per message (<c>.../action/&lt;uuid&gt;/logs/</c>).</summary>
    public async Task<string> ActionLogAsync(string actionUri, CancellationToken cancellationToken = default)
    {
        var messages = await Logs.ReadAsync(actionUri, new LogQuery(), cancellationToken);
        return string.Concat(messages.Select(m => m.Log + "\n"));
    }
}
