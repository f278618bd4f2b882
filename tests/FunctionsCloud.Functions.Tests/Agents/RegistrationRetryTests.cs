using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Application.Agents;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Functions.Tests.Services;
using FunctionsCloud.Functions.Tests.Support;
using FunctionsCloud.Storage.Nodes;
using FunctionsCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Agents;

/// <summary>
/// A registration whose answer is lost: the same host (same token, same host key) asking again gets the same node;
/// another host replaying the token is refused; a token of one's own hosts spends one use on one node.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RegistrationRetryTests : IAsyncLifetime
{
    private static readonly string HostKey = new('k', 43);
    private static readonly string OtherHostKey = new('o', 43);

    private FunctionsCloudTestHost _app = null!;

    // A fill of an EVERY_NODE service whose container is never reported ends within a few seconds.
    public async Task InitializeAsync() => _app = await StartAsync(new Dictionary<string, string?>
    {
        ["FunctionsCloud:ContainerTimeoutSeconds"] = "2",
        ["FunctionsCloud:ContainerPollSeconds"] = "1",
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_cluster_node_registering_again_from_its_host_gets_the_same_node_and_another_host_is_refused()
    {
        var node = await AddClusterNodeAsync();
        var token = _app.Services.GetRequiredService<NodeCredentials>()
            .IssueRegistrationToken(new RegistrationClaim(AdminNamespace, node, 1, DateTimeOffset.UtcNow.AddHours(1)));

        var first = await RegisterAsync(token, HostKey);
        var again = await RegisterAsync(token, HostKey);
        var replayed = await RegisterAsync(token, OtherHostKey);
        var keyless = await RegisterAsync(token, hostKey: null);

        var identity = await IdentityOfAsync(again);
        Assert.Equal((node, node), ((await IdentityOfAsync(first)).Uuid, identity.Uuid));
        await ExpectRefusedAsync(replayed, "already used");
        await ExpectRefusedAsync(keyless, "already used");
        await ExpectHeartbeatAcceptedAsync(identity);
    }

    [Fact]
    public async Task A_host_of_ones_own_retrying_spends_no_second_use_and_another_host_is_refused()
    {
        var token = await CreateByonTokenAsync(uses: 1);

        var first = await RegisterAsync(token, HostKey);
        var again = await RegisterAsync(token, HostKey);
        var replayed = await RegisterAsync(token, OtherHostKey);

        var (uuid, identity) = ((await IdentityOfAsync(first)).Uuid, await IdentityOfAsync(again));
        Assert.Equal(uuid, identity.Uuid);
        await ExpectRefusedAsync(replayed, "already used");
        var nodes = (await _app.GetJsonAsync("/api/infra/v1/node/"))["objects"]!.AsArray();
        Assert.Equal([(uuid.ToString(), "Deployed")], nodes.Select(n => ((string)n!["uuid"]!, (string)n["state"]!)));
        await ExpectHeartbeatAcceptedAsync(identity);
    }

    [Fact]
    public async Task A_cluster_node_may_retry_after_its_token_expired_as_a_host_of_ones_own_may_and_nobody_else()
    {
        var node = await AddClusterNodeAsync();
        var credentials = _app.Services.GetRequiredService<NodeCredentials>();
        var valid = credentials.IssueRegistrationToken(new RegistrationClaim(AdminNamespace, node, 1, DateTimeOffset.UtcNow.AddHours(1)));
        var expired = credentials.IssueRegistrationToken(new RegistrationClaim(AdminNamespace, node, 1, DateTimeOffset.UtcNow.AddHours(-1)));
        await IdentityOfAsync(await RegisterAsync(valid, HostKey));

        var retried = await RegisterAsync(expired, HostKey);
        var replayed = await RegisterAsync(expired, OtherHostKey);

        Assert.Equal(node, (await IdentityOfAsync(retried)).Uuid);
        await ExpectRefusedAsync(replayed, "expired");
    }

    [Fact]
    public async Task A_host_whose_node_was_terminated_is_told_so_not_that_the_token_was_revoked()
    {
        var token = await CreateByonTokenAsync(uses: 3);
        var node = (await IdentityOfAsync(await RegisterAsync(token, HostKey))).Uuid;
        await _app.Services.GetRequiredService<INodeStore>().UpdateAsync(AdminNamespace, node, n =>
        {
            n.MoveTo(NodeState.Terminating);
            return true;
        });

        var again = await RegisterAsync(token, HostKey);

        await ExpectRefusedAsync(again, "was terminated");
        Assert.DoesNotContain("revoked", await again.Content.ReadAsStringAsync());
        await IdentityOfAsync(await RegisterAsync(token, OtherHostKey)); // the token itself is still good
    }

    [Fact]
    public async Task A_host_key_that_is_not_one_is_a_400_and_spends_nothing()
    {
        var token = await CreateByonTokenAsync(uses: 1);

        var refused = await RegisterAsync(token, "short");

        await ExpectAsync(refused, HttpStatusCode.BadRequest);
        Assert.Contains("host_key", await refused.Content.ReadAsStringAsync());
        await ExpectAsync(await RegisterAsync(token, HostKey), HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_registration_retried_fills_its_node_with_an_EVERY_NODE_service_once()
    {
        var arrangements = new ServiceArrangements(_app);
        var service = await arrangements.CreateAsync(new { name = "agentd", image_name = ServiceArrangements.Image, deployment_strategy = "EVERY_NODE" });
        await arrangements.SetStateAsync(service, ServiceState.Running);
        var token = await CreateByonTokenAsync(uses: 1);

        await IdentityOfAsync(await RegisterAsync(token, HostKey));
        var fill = Assert.Single(await SystemActionsOnAsync(service));
        await _app.WaitForActionAsync((string)fill["resource_uri"]!, TimeSpan.FromSeconds(60));
        await arrangements.SetStateAsync(service, ServiceState.Running); // as if the fill had gone well
        await IdentityOfAsync(await RegisterAsync(token, HostKey));

        Assert.Equal([(string)fill["uuid"]!], (await SystemActionsOnAsync(service)).Select(a => (string)a["uuid"]!));
        Assert.Null((await arrangements.StoredAsync(service)).ActiveAction);
    }

    private async Task<IReadOnlyList<JsonObject>> SystemActionsOnAsync(JsonObject service) =>
        (await _app.GetJsonAsync($"/api/audit/v1/action/?object={Uri.EscapeDataString(ServiceArrangements.Uri(service))}"))["objects"]!.AsArray()
            .Select(a => a!.AsObject()).Where(a => (string?)a["user"] == "system").ToList();

    /// <summary>The real agent, through a proxy that drops the connection once the server has answered its first registration.</summary>
    [Fact]
    public async Task An_agent_whose_registration_answer_is_lost_retries_into_the_same_node()
    {
        var token = await CreateByonTokenAsync(uses: 1);
        await using var proxy = await AnswerDroppingProxy.StartAsync(_app.Host.BaseAddress, AgentRoutes.Register, drops: 1);
        var stateDir = Path.Combine(Path.GetTempPath(), "functionscloud-tests", _app.TablePrefix, "lost-answer");
        using var agent = LocalAgents.StartOwnHost(_app, token, stateDir, proxy.Url);
        try
        {
            var identity = Path.Combine(stateDir, "identity.json");
            await Eventually.HoldsAsync(() => Task.FromResult(File.Exists(identity)), TimeSpan.FromSeconds(60), "the agent to store its identity");

            var stored = JsonDocument.Parse(await File.ReadAllTextAsync(identity)).RootElement.GetProperty("uuid").GetGuid();
            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created], proxy.Answers);
            var nodes = (await _app.GetJsonAsync("/api/infra/v1/node/"))["objects"]!.AsArray();
            Assert.Equal([stored.ToString()], nodes.Select(n => (string)n!["uuid"]!));
            var hostKey = await File.ReadAllTextAsync(Path.Combine(stateDir, "host.key"));
            await ExpectRefusedAsync(await RegisterAsync(token, OtherHostKey), "already used");
            Assert.Equal(stored, (await IdentityOfAsync(await RegisterAsync(token, hostKey))).Uuid);
        }
        finally
        {
            agent.Kill();
            await agent.WaitForExitAsync();
        }
    }

    private async Task<Guid> AddClusterNodeAsync()
    {
        var node = new Node
        {
            Uuid = Guid.NewGuid(),
            Namespace = AdminNamespace,
            NodeCluster = Guid.NewGuid(),
            Provider = "local",
            Region = "local",
            NodeType = "local",
            CreatedDatetime = DateTimeOffset.UtcNow,
        };
        await _app.Services.GetRequiredService<INodeStore>().CreateAsync(node);
        return node.Uuid;
    }

    private async Task<string> CreateByonTokenAsync(int uses)
    {
        var response = await _app.Client.PostAsJsonAsync("/api/infra/v1/token/", new { uses });
        await ExpectAsync(response, HttpStatusCode.Created);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
    }

    private async Task<HttpResponseMessage> RegisterAsync(string token, string? hostKey)
    {
        using var agent = _app.NewClient();
        return await agent.PostAsJsonAsync(AgentRoutes.Register, new AgentRegistrationRequest(token, "my-host", new NodeInventory(2, 2048, 40, null), hostKey));
    }

    private static async Task<AgentRegistrationResponse> IdentityOfAsync(HttpResponseMessage response)
    {
        await ExpectAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<AgentRegistrationResponse>())!;
    }

    private static async Task ExpectRefusedAsync(HttpResponseMessage response, string why)
    {
        await ExpectAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(why, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The secret handed out again is one the heartbeat path accepts.</summary>
    private async Task ExpectHeartbeatAcceptedAsync(AgentRegistrationResponse identity)
    {
        using var agent = _app.NewClient();
        agent.DefaultRequestHeaders.Authorization = new("Bearer", identity.NodeSecret);
        var beat = await agent.PostAsJsonAsync(AgentRoutes.Heartbeat, new HeartbeatRequest(new NodeInventory(2, 2048, 40, null)));
        await ExpectAsync(beat, HttpStatusCode.OK);
    }
}
