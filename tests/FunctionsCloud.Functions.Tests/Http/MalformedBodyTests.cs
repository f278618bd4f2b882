using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FunctionsCloud.Application.Agents;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Functions.Tests.Services;
using FunctionsCloud.Functions.Tests.Triggers;
using FunctionsCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Http;

/// <summary>
/// JSON that parses but cannot mean anything (a key twice at any depth, a lone surrogate, a null list item) and bodies
/// declared as something else than JSON, on every route that takes a body, agents' included: a 4xx problem naming the
/// field, never a 500, and nothing stored.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MalformedBodyTests : IAsyncLifetime
{
    private FunctionsCloudTestHost _app = null!;
    private JsonObject _cluster = null!;
    private JsonObject _service = null!;

    public async Task InitializeAsync()
    {
        _app = await StartAsync();
        _cluster = await _app.CreateClusterAsync("web", 1);
        _service = await new ServiceArrangements(_app).CreateAsync("web");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Each route that takes a JSON body, with a field of its own to spoil.</summary>
    private IEnumerable<(HttpMethod Method, string Path, string Field, HttpClient Client)> Routes()
    {
        var agent = _app.NewClient();
        var unknownNode = _app.Services.GetRequiredService<NodeCredentials>().IssueNodeSecret(new NodeIdentity(AdminNamespace, Guid.NewGuid()));
        var node = _app.NewClient();
        node.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", unknownNode);
        return
        [
            (HttpMethod.Post, "/api/infra/v1/nodecluster/", "tags", _app.Client),
            (HttpMethod.Patch, (string)_cluster["resource_uri"]!, "tags", _app.Client),
            (HttpMethod.Patch, $"/api/infra/v1/node/{Guid.NewGuid()}/", "tags", _app.Client),
            (HttpMethod.Post, "/api/app/v1/service/", "tags", _app.Client),
            (HttpMethod.Patch, (string)_service["resource_uri"]!, "tags", _app.Client),
            (HttpMethod.Post, (string)_service["resource_uri"]! + "trigger/", "name", _app.Client),
            (HttpMethod.Post, "/api/infra/v1/token/", "tags", _app.Client),
            (HttpMethod.Put, "/api/infra/v1/provider/digitalocean/account/", "token", _app.Client),
            (HttpMethod.Post, AgentRoutes.Register, "token", agent),
            (HttpMethod.Post, AgentRoutes.Heartbeat, "inventory", node),
        ];
    }

    /// <summary>Bodies that spoil <paramref name="field"/>: each must be refused naming it.</summary>
    private static IEnumerable<string> Spoiled(string field) =>
    [
        $$"""{"{{field}}": "x", "{{field}}": "x"}""",
        $$$"""{"{{{field}}}": [{"name": "a", "deeper": {"id": 1, "id": 2}}]}""",
        $$"""{"{{field}}": "\ud800"}""",
        $$"""{"{{field}}": "ok \udfff"}""",
        $$"""{"{{field}}": [null]}""",
        $$"""{"{{field}}": [{"name": "a"}, null]}""",
    ];

    [Fact]
    public async Task Json_that_cannot_mean_anything_is_a_400_naming_the_field_on_every_route()
    {
        foreach (var (method, path, field, client) in Routes())
        foreach (var body in Spoiled(field))
        {
            using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            var response = await client.SendAsync(request);

            var problem = await ExpectProblemAsync(response, HttpStatusCode.BadRequest, $"{method} {path} {body}");
            Assert.True(problem["errors"]?.AsObject().ContainsKey(field), $"{method} {path} {body}: {problem.ToJsonString()}");
        }

        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task A_body_declared_as_something_else_than_JSON_is_a_415_on_every_route(string contentType)
    {
        foreach (var (method, path, _, client) in Routes())
        {
            using var request = new HttpRequestMessage(method, path) { Content = new StringContent("{}", Encoding.UTF8) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            var response = await client.SendAsync(request);

            await ExpectProblemAsync(response, HttpStatusCode.UnsupportedMediaType, $"{method} {path}");
        }

        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task A_trigger_call_takes_any_body_as_text_and_never_fails_on_it()
    {
        var triggers = new TriggerArrangements(_app);
        var trigger = await triggers.CreateAsync(_service, "REDEPLOY");

        foreach (var body in Spoiled("commit"))
        {
            var response = await triggers.CallAsync(trigger, body: body);
            Assert.True((int)response.StatusCode < 500, $"{body}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task<JsonObject> ExpectProblemAsync(HttpResponseMessage response, HttpStatusCode status, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{what}: expected {(int)status}, got {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task AssertNothingStoredAsync()
    {
        Assert.Equal(1, await CountAsync("/api/infra/v1/nodecluster/"));
        Assert.Equal(1, await CountAsync("/api/app/v1/service/"));
        Assert.Equal(0, await CountAsync("/api/infra/v1/node/"));
        Assert.Equal(0, await CountAsync("/api/infra/v1/token/"));
        Assert.Equal(0, await CountAsync("/api/audit/v1/action/"));
        Assert.Equal(0, await CountAsync((string)_service["resource_uri"]! + "trigger/"));
        Assert.Empty((await _app.GetJsonAsync((string)_cluster["resource_uri"]!))["tags"]!.AsArray());
        Assert.Equal("web", (string?)(await _app.GetJsonAsync((string)_service["resource_uri"]!))["name"]);
        Assert.False((bool)(await _app.GetJsonAsync("/api/infra/v1/provider/digitalocean/account/"))["linked"]!);
    }

    private async Task<int> CountAsync(string list) => (int)(await _app.GetJsonAsync(list))["meta"]!["total_count"]!;
}
