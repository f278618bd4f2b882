using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Functions.Tests.Support;
using FunctionsCloud.Storage.ApiKeys;
using FunctionsCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Http;

/// <summary>The node cluster API as Docker Cloud clients use it: shapes, status codes and refusals.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class NodeClusterApiTests : IAsyncLifetime
{
    // Machines come up but never register, so an operation stays in flight for the conflict tests.
    private readonly ScriptedNodeProvider _provider = new(_ => NodeScript.NeverRegisters);
    private FunctionsCloudTestHost _app = null!;

    public async Task InitializeAsync() => _app = await StartAsync(
        new Dictionary<string, string?> { ["FunctionsCloud:RegistrationTimeoutSeconds"] = "600" },
        services => services.UseOnlyProvider(_provider));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Create_answers_201_with_the_cluster_in_Docker_Cloud_shape()
    {
        var response = await _app.Client.PostAsJsonAsync("/api/infra/v1/nodecluster/", new
        {
            name = "web",
            target_num_nodes = 3,
            region = "/api/infra/v1/region/local/local/",
            node_type = "/api/infra/v1/nodetype/local/local/",
            tags = new[] { new { name = "prod" } },
            provider_options = new { note = "kept" },
        });

        await ExpectAsync(response, HttpStatusCode.Created);
        var cluster = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var uuid = (string)cluster["uuid"]!;
        Assert.True(Domain.Identifiers.Uuid4.IsUuid4(uuid));
        Assert.Equal($"/api/infra/v1/nodecluster/{uuid}/", (string?)cluster["resource_uri"]);
        Assert.Equal(response.Headers.Location!.ToString(), (string?)cluster["resource_uri"]);
        Assert.Equal(("web", "Init", 3, 0, 60), ((string?)cluster["name"], (string?)cluster["state"], (int)cluster["target_num_nodes"]!, (int)cluster["current_num_nodes"]!, (int)cluster["disk"]!));
        Assert.Equal("/api/infra/v1/region/local/local/", (string?)cluster["region"]);
        Assert.Equal("prod", (string?)cluster["tags"]![0]!["name"]);
        Assert.Equal("kept", (string?)cluster["provider_options"]!["note"]);
        Assert.Null(cluster["deployed_datetime"]);
        Assert.Empty(cluster["nodes"]!.AsArray());
    }

    private const string Local = "\"region\": \"/api/infra/v1/region/local/local/\", \"node_type\": \"/api/infra/v1/nodetype/local/local/\"";

    [Theory]
    [InlineData("{\"name\": \"web\",", "body")]
    [InlineData("{\"name\": \"web\", \"target_num_nodes\": \"three\", " + Local + "}", "target_num_nodes")]
    [InlineData("{\"name\": \"web cluster\", " + Local + "}", "name")]
    [InlineData("{\"name\": \"web\", \"target_num_nodes\": 101, " + Local + "}", "target_num_nodes")]
    [InlineData("{\"name\": \"web\", \"target_num_nodes\": -1, " + Local + "}", "target_num_nodes")]
    [InlineData("{\"name\": \"web\", \"tags\": [{\"name\": \"a b\"}], " + Local + "}", "tags")]
    [InlineData("{\"name\": \"web\", \"region\": \"/api/infra/v1/region/mars/olympus/\", \"node_type\": \"/api/infra/v1/nodetype/local/local/\"}", "region")]
    [InlineData("{\"name\": \"web\", \"region\": \"/api/infra/v1/region/packet/ewr1/\", \"node_type\": \"/api/infra/v1/nodetype/packet/baremetal_0/\"}", "region")]
    [InlineData("{\"name\": \"web\", \"region\": \"/api/infra/v1/region/aws/us-east-1/\", \"node_type\": \"/api/infra/v1/nodetype/aws/t3.micro/\"}", "region")]
    [InlineData("{\"name\": \"web\", \"region\": \"/api/infra/v1/region/local/local/\", \"node_type\": \"/api/infra/v1/nodetype/local/huge/\"}", "node_type")]
    [InlineData("{\"name\": \"web\", \"colour\": \"blue\", " + Local + "}", "colour")]
    [InlineData("{\"name\": \"web\\n\", " + Local + "}", "name")]
    [InlineData("{\"name\": \"web\", \"nickname\": \"web\\u2067prod\", " + Local + "}", "nickname")]
    [InlineData("{\"name\": \"web\", \"nickname\": \"line\\nbreak\", " + Local + "}", "nickname")]
    [InlineData("{\"name\": \"web\", \"tags\": [{\"name\": \"a\\u0000\"}], " + Local + "}", "tags")]
    public async Task Bad_input_is_a_400_naming_the_field_and_stores_nothing(string body, string field)
    {
        var response = await _app.Client.PostAsync("/api/infra/v1/nodecluster/", new StringContent(body, Encoding.UTF8, "application/json"));

        await ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(400, (int)problem["status"]!);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
        Assert.Equal(0, (int)(await _app.GetJsonAsync("/api/infra/v1/nodecluster/"))["meta"]!["total_count"]!);
    }

    [Fact]
    public async Task Lists_page_and_filter_with_the_Docker_Cloud_envelope()
    {
        for (var i = 0; i < 5; i++)
            await _app.CreateClusterAsync($"web-{i}", 1);
        await _app.CreateClusterAsync("db", 1);

        var page = await _app.GetJsonAsync("/api/infra/v1/nodecluster/?limit=2&offset=2");
        Assert.Equal((2, 2, 6), ((int)page["meta"]!["limit"]!, (int)page["meta"]!["offset"]!, (int)page["meta"]!["total_count"]!));
        Assert.Equal("/api/infra/v1/nodecluster/?limit=2&offset=4", (string?)page["meta"]!["next"]);
        Assert.Equal(2, page["objects"]!.AsArray().Count);

        var named = await _app.GetJsonAsync("/api/infra/v1/nodecluster/?name=db");
        Assert.Equal("db", (string?)named["objects"]![0]!["name"]);
        Assert.Equal(1, (int)named["meta"]!["total_count"]!);
        var prefixed = await _app.GetJsonAsync("/api/infra/v1/nodecluster?name__startswith=web-&state=Init");
        Assert.Equal(5, (int)prefixed["meta"]!["total_count"]!);

        var uuid = (string)named["objects"]![0]!["uuid"]!;
        var byShortId = await _app.GetJsonAsync($"/api/infra/v1/nodecluster/?uuid__startswith={uuid[..8]}");
        Assert.Equal(uuid, (string?)byShortId["objects"]![0]!["uuid"]);

        var unknownFilter = await _app.Client.GetAsync("/api/infra/v1/nodecluster/?colour=blue");
        await ExpectAsync(unknownFilter, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Without_or_with_bad_credentials_the_answer_is_401()
    {
        using var anonymous = _app.NewClient();
        using var wrongKey = _app.NewClient(AdminUser, "not-the-key");
        using var garbage = _app.NewClient();
        garbage.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Basic %%%");

        foreach (var client in new[] { anonymous, wrongKey, garbage })
        {
            var response = await client.GetAsync("/api/infra/v1/nodecluster/");
            await ExpectAsync(response, HttpStatusCode.Unauthorized);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Contains("Basic", response.Headers.WwwAuthenticate.ToString());
        }

        var create = await anonymous.PostAsJsonAsync("/api/infra/v1/nodecluster/", new { name = "sneaky" });
        await ExpectAsync(create, HttpStatusCode.Unauthorized);
        Assert.Equal(0, (int)(await _app.GetJsonAsync("/api/infra/v1/nodecluster/"))["meta"]!["total_count"]!);
    }

    [Fact]
    public async Task Another_namespace_cannot_see_or_touch_a_cluster()
    {
        var cluster = await _app.CreateClusterAsync("private", 1);
        var uri = (string)cluster["resource_uri"]!;
        var bobKey = ApiKeyHasher.NewKey();
        await _app.Services.GetRequiredService<IApiKeyStore>().UpsertAsync(new ApiKeyRecord
        {
            User = "bob", KeyHash = ApiKeyHasher.Hash(bobKey), Namespace = "bobs-team", CreatedAt = DateTimeOffset.UtcNow,
        });
        using var bob = _app.NewClient("bob", bobKey);

        await ExpectAsync(await bob.GetAsync(uri), HttpStatusCode.NotFound);
        await ExpectAsync(await bob.PatchAsJsonAsync(uri, new { nickname = "mine" }), HttpStatusCode.NotFound);
        await ExpectAsync(await bob.PostAsync($"{uri}deploy/", null), HttpStatusCode.NotFound);
        await ExpectAsync(await bob.DeleteAsync(uri), HttpStatusCode.NotFound);
        Assert.Equal(0, (int)(await bob.GetFromJsonAsync<JsonObject>("/api/infra/v1/nodecluster/"))!["meta"]!["total_count"]!);
        var mine = await _app.GetJsonAsync(uri);
        Assert.Equal(("Init", "private"), ((string?)mine["state"], (string?)mine["nickname"]));
    }

    [Fact]
    public async Task A_second_operation_while_one_is_in_flight_is_a_409_naming_the_action_but_a_delete_takes_over()
    {
        var cluster = await _app.CreateClusterAsync("busy", 2);
        var uri = (string)cluster["resource_uri"]!;

        var deploy = await _app.Client.PostAsync($"{uri}deploy/", null);
        await ExpectAsync(deploy, HttpStatusCode.Accepted);
        var actionUri = ActionUri(deploy);
        Assert.StartsWith("/api/audit/v1/action/", actionUri);

        foreach (var second in new[]
                 {
                     () => _app.Client.PatchAsJsonAsync(uri, new { target_num_nodes = 5 }),
                     () => _app.Client.PatchAsJsonAsync(uri, new { target_num_nodes = 2 }),
                     () => _app.Client.PatchAsJsonAsync(uri, new { nickname = "renamed", tags = new[] { new { name = "late" } } }),
                     () => _app.Client.PostAsync($"{uri}deploy/", null),
                 })
        {
            var response = await second();
            await ExpectAsync(response, HttpStatusCode.Conflict);
            Assert.Contains(actionUri, await response.Content.ReadAsStringAsync());
        }

        var current = await _app.GetJsonAsync(uri);
        Assert.Equal((2, actionUri), ((int)current["target_num_nodes"]!, (string?)current["current_action"]));
        var action = await _app.GetJsonAsync(actionUri);
        Assert.Equal(("POST", $"{uri}deploy/", "admin"), ((string?)action["method"], (string?)action["path"], (string?)action["user"]));
        Assert.Contains((string?)action["state"], new[] { "Pending", "In progress" });

        // A DELETE is what users expect to win: it cancels the deploy and terminates, as an action of its own.
        var delete = await _app.Client.DeleteAsync(uri);
        await ExpectAsync(delete, HttpStatusCode.Accepted);
        Assert.NotEqual(actionUri, ActionUri(delete));
        // The terminate's orchestration cancels it as its first step.
        await Eventually.HoldsAsync(async () => (string?)(await _app.GetJsonAsync(actionUri))["state"] is "Canceling" or "Canceled",
            TimeSpan.FromSeconds(60), "the deploy to be canceled by the terminate");
    }

    [Fact]
    public async Task Patching_changes_nickname_and_tags_at_once_and_target_before_deploy()
    {
        var cluster = await _app.CreateClusterAsync("tagged", 1);
        var uri = (string)cluster["resource_uri"]!;

        var response = await _app.Client.PatchAsJsonAsync(uri, new { nickname = "Front end", tags = new[] { new { name = "eu" } }, target_num_nodes = 4 });

        await ExpectAsync(response, HttpStatusCode.OK);
        Assert.False(response.Headers.Contains("X-DockerCloud-Action-URI"));
        var patched = await _app.GetJsonAsync(uri);
        Assert.Equal(("Front end", "eu", 4, "Init"), ((string?)patched["nickname"], (string?)patched["tags"]![0]!["name"], (int)patched["target_num_nodes"]!, (string?)patched["state"]));

        await ExpectAsync(await _app.Client.PatchAsJsonAsync(uri, new { target_num_nodes = 101 }), HttpStatusCode.BadRequest);
        await ExpectAsync(await _app.Client.PatchAsJsonAsync(uri, new { name = "renamed" }), HttpStatusCode.BadRequest);
        Assert.Equal(4, (int)(await _app.GetJsonAsync(uri))["target_num_nodes"]!);
    }

    [Fact]
    public async Task Unknown_and_malformed_ids_are_404s()
    {
        await ExpectAsync(await _app.Client.GetAsync($"/api/infra/v1/nodecluster/{Guid.NewGuid()}/"), HttpStatusCode.NotFound);
        await ExpectAsync(await _app.Client.GetAsync("/api/infra/v1/nodecluster/not-a-uuid/"), HttpStatusCode.NotFound);
        await ExpectAsync(await _app.Client.GetAsync($"/api/infra/v1/node/{Guid.NewGuid()}/"), HttpStatusCode.NotFound);
        await ExpectAsync(await _app.Client.GetAsync($"/api/audit/v1/action/{Guid.NewGuid()}/"), HttpStatusCode.NotFound);
        await ExpectAsync(await _app.Client.PostAsync($"/api/infra/v1/nodecluster/{Guid.NewGuid()}/deploy/", null), HttpStatusCode.NotFound);
    }
}
