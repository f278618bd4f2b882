using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Storage.ApiKeys;
using FunctionsCloud.Storage.Tokens;
using FunctionsCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Tokens;

/// <summary>Registration tokens for hosts of one's own: created once, shown once, spent, expired and revoked as the issue says.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RegistrationTokenApiTests : IAsyncLifetime
{
    private FunctionsCloudTestHost _app = null!;

    public async Task InitializeAsync() => _app = await StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_token_comes_with_its_install_command_once_and_is_stored_hashed()
    {
        var created = await CreateAsync(new { });

        var token = (string)created["token"]!;
        Assert.StartsWith("fct_", token);
        Assert.Equal($"curl -fsSL {_app.Host.BaseAddress.ToString().TrimEnd('/')}/api/agent/v1/install.sh | sudo sh -s -- {token}", (string?)created["command"]);
        Assert.Equal(("Active", 1, 1), ((string?)created["state"], (int)created["uses"]!, (int)created["uses_left"]!));
        var expires = DateTimeOffset.Parse((string)created["expires_at"]!);
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(58), TimeSpan.FromMinutes(61));

        var again = await _app.GetJsonAsync((string)created["resource_uri"]!);
        Assert.Null(again["token"]);
        Assert.Null(again["command"]);
        var stored = await _app.Services.GetRequiredService<IRegistrationTokenStore>().GetAsync(AdminNamespace, Guid.Parse((string)created["uuid"]!));
        Assert.DoesNotContain(token.Split('.')[^1], stored!.SecretHash);
        Assert.Equal(64, stored.SecretHash.Length);
    }

    [Fact]
    public async Task A_one_time_token_registers_one_host_as_a_byon_node_with_its_tags()
    {
        var created = await CreateAsync(new { tags = new[] { new { name = "rack=7" } } });

        var first = await RegisterAsync((string)created["token"]!);
        await ExpectAsync(first, HttpStatusCode.Created);
        var identity = (await first.Content.ReadFromJsonAsync<AgentRegistrationResponse>())!;
        var node = await _app.GetJsonAsync($"/api/infra/v1/node/{identity.Uuid}/");
        Assert.Equal("Deployed", (string?)node["state"]);
        Assert.Equal(["byon=true", "rack=7"], node["tags"]!.AsArray().Select(t => (string)t!["name"]!));
        Assert.Equal("/api/infra/v1/provider/byon/", (string?)node["provider"]);
        Assert.Null(node["node_cluster"]);

        var second = await RegisterAsync((string)created["token"]!);
        await ExpectAsync(second, HttpStatusCode.Unauthorized);
        Assert.Contains("already used", await second.Content.ReadAsStringAsync());
        Assert.Equal("Used", (string?)(await _app.GetJsonAsync((string)created["resource_uri"]!))["state"]);
    }

    [Fact]
    public async Task A_token_may_be_asked_for_several_hosts()
    {
        var token = (string)(await CreateAsync(new { uses = 2 }))["token"]!;

        await ExpectAsync(await RegisterAsync(token), HttpStatusCode.Created);
        await ExpectAsync(await RegisterAsync(token), HttpStatusCode.Created);
        await ExpectAsync(await RegisterAsync(token), HttpStatusCode.Unauthorized);
        Assert.Equal(2, (int)(await _app.GetJsonAsync("/api/infra/v1/node/"))["meta"]!["total_count"]!);
    }

    [Fact]
    public async Task Revoked_and_expired_tokens_are_refused_saying_which()
    {
        var revoked = await CreateAsync(new { });
        var delete = await _app.Client.DeleteAsync((string)revoked["resource_uri"]!);
        await ExpectAsync(delete, HttpStatusCode.OK);
        Assert.Equal("Revoked", (string?)(await delete.Content.ReadFromJsonAsync<JsonObject>())!["state"]);

        var refused = await RegisterAsync((string)revoked["token"]!);
        await ExpectAsync(refused, HttpStatusCode.Unauthorized);
        Assert.Contains("revoked", await refused.Content.ReadAsStringAsync());

        var expiring = await CreateAsync(new { expires_in = 60 });
        var store = _app.Services.GetRequiredService<IRegistrationTokenStore>();
        var stored = (await store.GetAsync(AdminNamespace, Guid.Parse((string)expiring["uuid"]!)))!;
        var expired = new Domain.Tokens.RegistrationToken
        {
            Uuid = stored.Uuid, Namespace = stored.Namespace, SecretHash = stored.SecretHash, MaxUses = 1,
            ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(-1), CreatedDatetime = stored.CreatedDatetime, Version = stored.Version,
        };
        await store.UpdateAsync(expired);
        var late = await RegisterAsync((string)expiring["token"]!);
        await ExpectAsync(late, HttpStatusCode.Unauthorized);
        Assert.Contains("expired", await late.Content.ReadAsStringAsync());
        Assert.Equal(0, (int)(await _app.GetJsonAsync("/api/infra/v1/node/"))["meta"]!["total_count"]!);
    }

    [Fact]
    public async Task A_flood_of_bad_tokens_creates_no_node()
    {
        var good = (string)(await CreateAsync(new { }))["token"]!;
        var forged = good[..^4] + "AAAA";
        var tries = new List<string> { forged, "fct_garbage", "fct_" + new string('a', 600), good.Replace("fct_", "fcr_"), "" };
        tries.AddRange(Enumerable.Range(0, 40).Select(i => $"fct_YWRtaW4.{Guid.NewGuid():N}.guess{i}"));

        var answers = await Task.WhenAll(tries.Select(RegisterAsync));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        Assert.Equal(0, (int)(await _app.GetJsonAsync("/api/infra/v1/node/"))["meta"]!["total_count"]!);
        await ExpectAsync(await RegisterAsync(good), HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("{\"uses\": 0}", "uses")]
    [InlineData("{\"uses\": 100000}", "uses")]
    [InlineData("{\"expires_in\": 5}", "expires_in")]
    [InlineData("{\"tags\": [{\"name\": \"no spaces\"}]}", "tags")]
    [InlineData("{\"uses\": \"many\"}", "uses")]
    public async Task Bad_requests_are_400s_naming_the_field(string body, string field)
    {
        var response = await _app.Client.PostAsync("/api/infra/v1/token/", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey(field));
        Assert.Equal(0, (int)(await _app.GetJsonAsync("/api/infra/v1/token/"))["meta"]!["total_count"]!);
    }

    [Fact]
    public async Task Another_namespace_cannot_see_or_revoke_a_token()
    {
        var created = await CreateAsync(new { });
        var key = ApiKeyHasher.NewKey();
        await _app.Services.GetRequiredService<IApiKeyStore>().UpsertAsync(new ApiKeyRecord { User = "eve", KeyHash = ApiKeyHasher.Hash(key), Namespace = "eves" });
        using var eve = _app.NewClient("eve", key);

        await ExpectAsync(await eve.GetAsync((string)created["resource_uri"]!), HttpStatusCode.NotFound);
        await ExpectAsync(await eve.DeleteAsync((string)created["resource_uri"]!), HttpStatusCode.NotFound);
        Assert.Equal("Active", (string?)(await _app.GetJsonAsync((string)created["resource_uri"]!))["state"]);
        using var anonymous = _app.NewClient();
        await ExpectAsync(await anonymous.PostAsJsonAsync("/api/infra/v1/token/", new { }), HttpStatusCode.Unauthorized);
    }

    private async Task<JsonObject> CreateAsync(object body)
    {
        var response = await _app.Client.PostAsJsonAsync("/api/infra/v1/token/", body);
        await ExpectAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<HttpResponseMessage> RegisterAsync(string token)
    {
        using var agent = _app.NewClient();
        return await agent.PostAsJsonAsync(AgentRoutes.Register, new AgentRegistrationRequest(token, "my-host", new NodeInventory(4, 8192, 100, "27.5.1")));
    }
}
