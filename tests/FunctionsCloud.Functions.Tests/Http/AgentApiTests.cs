using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using FunctionsCloud.Application.Agents;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Http;

/// <summary>The agents' endpoints refuse what is not theirs and write nothing for it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AgentApiTests : IAsyncLifetime
{
    private FunctionsCloudTestHost _app = null!;

    public async Task InitializeAsync() => _app = await StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_forged_or_garbage_registration_token_is_a_401_and_creates_no_node()
    {
        using var agent = _app.NewClient();
        foreach (var token in new[] { "garbage", "fcr_abc.def", "" })
        {
            var response = await agent.PostAsJsonAsync(AgentRoutes.Register, new AgentRegistrationRequest(token, "host", null));
            await ExpectAsync(response, HttpStatusCode.Unauthorized);
        }

        Assert.Equal(0, (int)(await _app.GetJsonAsync("/api/infra/v1/node/"))["meta"]!["total_count"]!);
    }

    [Fact]
    public async Task A_token_for_a_node_that_does_not_exist_is_refused_as_revoked()
    {
        var credentials = _app.Services.GetRequiredService<NodeCredentials>();
        var token = credentials.IssueRegistrationToken(new RegistrationClaim(AdminNamespace, Guid.NewGuid(), 1, DateTimeOffset.UtcNow.AddHours(1)));
        var expired = credentials.IssueRegistrationToken(new RegistrationClaim(AdminNamespace, Guid.NewGuid(), 1, DateTimeOffset.UtcNow.AddHours(-1)));
        using var agent = _app.NewClient();

        var revoked = await agent.PostAsJsonAsync(AgentRoutes.Register, new AgentRegistrationRequest(token, "host", null));
        var old = await agent.PostAsJsonAsync(AgentRoutes.Register, new AgentRegistrationRequest(expired, "host", null));

        await ExpectAsync(revoked, HttpStatusCode.Unauthorized);
        Assert.Contains("revoked", await revoked.Content.ReadAsStringAsync());
        await ExpectAsync(old, HttpStatusCode.Unauthorized);
        Assert.Contains("expired", await old.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Heartbeats_need_a_node_secret_a_known_node_and_a_sane_body()
    {
        var credentials = _app.Services.GetRequiredService<NodeCredentials>();
        var unknownNode = credentials.IssueNodeSecret(new NodeIdentity(AdminNamespace, Guid.NewGuid()));
        using var agent = _app.NewClient();
        var good = JsonContent.Create(new HeartbeatRequest(new NodeInventory(2, 2048, 40, null)));

        await ExpectAsync(await agent.PostAsync(AgentRoutes.Heartbeat, good), HttpStatusCode.Unauthorized);

        agent.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", unknownNode);
        await ExpectAsync(await agent.PostAsync(AgentRoutes.Heartbeat, JsonContent.Create(new HeartbeatRequest(new NodeInventory(2, 2048, 40, null)))), HttpStatusCode.NotFound);
        await ExpectAsync(await agent.PostAsync(AgentRoutes.Heartbeat, new StringContent("{\"inventory\": {\"cpu\": -4}}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        await ExpectAsync(await agent.PostAsync(AgentRoutes.Heartbeat, new StringContent("{" + new string(' ', 5000) + "}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        await ExpectAsync(await agent.PostAsync(AgentRoutes.Heartbeat, new StringContent("not json", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);

        // An API key is no node secret.
        agent.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(Application.Authentication.BasicCredentials.Header(AdminUser, _app.AdminKey));
        await ExpectAsync(await agent.PostAsync(AgentRoutes.Heartbeat, JsonContent.Create(new HeartbeatRequest(new NodeInventory(2, 2048, 40, null)))), HttpStatusCode.Unauthorized);
    }
}
