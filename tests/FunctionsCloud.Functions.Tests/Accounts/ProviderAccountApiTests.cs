using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Functions.Tests.Support;
using FunctionsCloud.Providers.Contract;
using FunctionsCloud.Storage.Accounts;
using FunctionsCloud.Storage.ApiKeys;
using FunctionsCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Accounts;

/// <summary>
/// Linking a cloud account, with a scripted DigitalOcean that accepts one token: credentials are checked,
/// sealed, never shown, and reach the provider's calls; without them the provider is unavailable.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProviderAccountApiTests : IAsyncLifetime
{
    private const string Token = "dop_v1_0123456789abcdef";
    private const string Uri = "/api/infra/v1/provider/digitalocean/account/";
    private readonly ScriptedNodeProvider _cloud = new(_ => NodeScript.Registers, "digitalocean", Token);
    private FunctionsCloudTestHost _app = null!;

    public async Task InitializeAsync() => _app = await StartAsync(services: services =>
        services.UseOnlyProvider(_cloud, new ScriptedNodeProvider(_ => NodeScript.Registers)));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Without_a_linked_account_the_provider_is_unavailable_and_deploying_there_is_a_400()
    {
        var provider = await _app.GetJsonAsync("/api/infra/v1/provider/digitalocean/");
        Assert.False((bool)provider["available"]!);
        Assert.Contains("No DigitalOcean account is linked to this namespace", (string?)provider["unavailable_reason"]);

        var create = await _app.Client.PostAsJsonAsync("/api/infra/v1/nodecluster/", Cluster());
        await ExpectAsync(create, HttpStatusCode.BadRequest);
        Assert.Contains("No DigitalOcean account is linked", await create.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Credentials_the_provider_refuses_are_a_400_with_its_message_and_nothing_is_stored()
    {
        var response = await _app.Client.PutAsJsonAsync(Uri, new { token = "wrong" });

        await ExpectAsync(response, HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Unable to authenticate you", body);
        Assert.DoesNotContain("wrong", body.Replace("\"wrong\"", ""));
        Assert.False((bool)(await _app.GetJsonAsync(Uri))["linked"]!);
        Assert.Empty(await _app.Services.GetRequiredService<IProviderAccountStore>().ListAsync(AdminNamespace));
    }

    [Fact]
    public async Task A_linked_account_is_sealed_never_shown_and_reaches_the_providers_calls()
    {
        var link = await _app.Client.PutAsJsonAsync(Uri, new { token = Token });

        await ExpectAsync(link, HttpStatusCode.OK);
        var shown = await link.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Token, shown);
        var account = JsonNode.Parse(shown)!;
        Assert.True((bool)account["linked"]!);
        Assert.Equal(["token"], account["fields"]!.AsArray().Select(f => (string)f!));
        Assert.DoesNotContain(Token, await (await _app.Client.GetAsync(Uri)).Content.ReadAsStringAsync());
        var stored = await _app.Services.GetRequiredService<IProviderAccountStore>().GetAsync(AdminNamespace, "digitalocean");
        Assert.DoesNotContain(Token, stored!.Sealed);
        Assert.True((bool)(await _app.GetJsonAsync("/api/infra/v1/provider/digitalocean/"))["available"]!);

        var create = await _app.Client.PostAsJsonAsync("/api/infra/v1/nodecluster/", Cluster());
        await ExpectAsync(create, HttpStatusCode.Created);
        var cluster = (await create.Content.ReadFromJsonAsync<JsonObject>())!;
        var deploy = await _app.Client.PostAsync($"{cluster["resource_uri"]}deploy/", null);
        var action = await _app.WaitForActionAsync(ActionUri(deploy), TimeSpan.FromSeconds(60));

        Assert.Equal("Success", (string?)action["state"]);
        Assert.Equal(Token, _cloud.Accounts.Single()!.Credentials["token"]);
        Assert.DoesNotContain(Token, await _app.ActionLogAsync(action));
    }

    [Fact]
    public async Task Another_namespace_does_not_share_the_account_and_unlinking_takes_it_away()
    {
        await ExpectAsync(await _app.Client.PutAsJsonAsync(Uri, new { token = Token }), HttpStatusCode.OK);
        var key = ApiKeyHasher.NewKey();
        await _app.Services.GetRequiredService<IApiKeyStore>().UpsertAsync(new ApiKeyRecord { User = "bob", KeyHash = ApiKeyHasher.Hash(key), Namespace = "bobs" });
        using var bob = _app.NewClient("bob", key);

        Assert.False((bool)(await bob.GetFromJsonAsync<JsonObject>("/api/infra/v1/provider/digitalocean/"))!["available"]!);
        Assert.False((bool)(await bob.GetFromJsonAsync<JsonObject>(Uri))!["linked"]!);

        await ExpectAsync(await _app.Client.DeleteAsync(Uri), HttpStatusCode.OK);
        Assert.False((bool)(await _app.GetJsonAsync("/api/infra/v1/provider/digitalocean/"))["available"]!);
        await ExpectAsync(await _app.Client.DeleteAsync(Uri), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/infra/v1/provider/local/account/", "{\"token\": \"x\"}", HttpStatusCode.BadRequest)]
    [InlineData("/api/infra/v1/provider/packet/account/", "{\"token\": \"x\"}", HttpStatusCode.BadRequest)]
    [InlineData("/api/infra/v1/provider/nimbus/account/", "{\"token\": \"x\"}", HttpStatusCode.NotFound)]
    [InlineData(Uri, "[\"token\"]", HttpStatusCode.BadRequest)]
    [InlineData(Uri, "{\"token\": 42}", HttpStatusCode.BadRequest)]
    [InlineData(Uri, "{}", HttpStatusCode.BadRequest)]
    public async Task What_cannot_be_linked_is_refused(string uri, string body, HttpStatusCode status)
    {
        var response = await _app.Client.PutAsync(uri, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ExpectAsync(response, status);
        Assert.Empty(await _app.Services.GetRequiredService<IProviderAccountStore>().ListAsync(AdminNamespace));
    }

    private static object Cluster() => new
    {
        name = "droplets",
        target_num_nodes = 1,
        region = "/api/infra/v1/region/digitalocean/ams3/",
        node_type = "/api/infra/v1/nodetype/digitalocean/s-1vcpu-1gb/",
    };
}
