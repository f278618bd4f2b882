using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Domain.Accounts;
using FunctionsCloud.Storage.ApiKeys;
using FunctionsCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.ApiKeys;

/// <summary>A user's API keys through the API: made once and shown once, listed without the key, revoked, expired, narrowed.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ApiKeyApiTests(ApiKeyHostFixture fixture) : IClassFixture<ApiKeyHostFixture>
{
    /// <summary>The default of FunctionsCloud:ApiKeysPerMinute.</summary>
    private const int PerMinute = 10;

    private readonly FunctionsCloudTestHost _app = fixture.App;

    [Fact]
    public async Task A_key_is_shown_once_stored_hashed_and_works()
    {
        using var alice = await _app.NewUserAsync("alice");

        var created = await alice.CreateKeyAsync(new { label = "ci-pipeline", role = "operator", expires_in = 3600 });

        var key = (string)created["key"]!;
        Assert.Equal(64, key.Length);
        Assert.Equal(("ci-pipeline", "operator"), ((string?)created["label"], (string?)created["role"]));
        Assert.Equal($"/api/account/v1/apikey/{created["uuid"]}/", (string?)created["resource_uri"]);
        Assert.InRange(ApiJsonDate(created["expires_datetime"]) - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(58), TimeSpan.FromMinutes(61));
        Assert.Null(created["last_used_datetime"]);
        Assert.True(await _app.IsAcceptedAsync("alice", key));

        var listed = Assert.Single(await alice.ListKeysAsync(), k => (string?)k!["label"] == "ci-pipeline")!;
        Assert.Null(listed["key"]);
        Assert.Equal(["uuid", "resource_uri", "label", "role", "namespace", "created_datetime", "last_used_datetime", "expires_datetime", "key"],
            listed.AsObject().Select(p => p.Key));
        Assert.NotNull(listed["last_used_datetime"]);
        var stored = await _app.Services.GetRequiredService<IApiKeyStore>().ListAsync("alice");
        Assert.DoesNotContain(stored, k => k.KeyHash.Contains(key, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(stored, k => k.KeyHash == ApiKeyHasher.Hash(key));
    }

    [Fact]
    public async Task A_revoked_key_is_refused_and_no_longer_listed()
    {
        using var bob = await _app.NewUserAsync("bob");
        var created = await bob.CreateKeyAsync(new { label = "laptop" });
        Assert.True(await _app.IsAcceptedAsync("bob", (string)created["key"]!));

        var revoked = await bob.DeleteAsync((string)created["resource_uri"]!);

        await ExpectAsync(revoked, HttpStatusCode.OK);
        Assert.False(await _app.IsAcceptedAsync("bob", (string)created["key"]!));
        Assert.DoesNotContain(await bob.ListKeysAsync(), k => (string?)k!["label"] == "laptop");
        await ExpectAsync(await bob.DeleteAsync((string)created["resource_uri"]!), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_expired_key_is_refused_like_a_wrong_one()
    {
        using var carol = await _app.NewUserAsync("carol");
        var created = await carol.CreateKeyAsync(new { label = "short", expires_in = 60 });
        var store = _app.Services.GetRequiredService<IApiKeyStore>();
        var stored = (await store.ListAsync("carol")).Single(k => k.Label == "short");
        await store.UpsertAsync(stored with { ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(-1) });

        using var expired = _app.NewClient("carol", (string)created["key"]!);
        var refused = await expired.GetAsync(ApiKeyUsers.Collection);

        await ExpectAsync(refused, HttpStatusCode.Unauthorized);
        using var wrong = _app.NewClient("carol", ApiKeyHasher.NewKey());
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((string?)(await (await wrong.GetAsync(ApiKeyUsers.Collection)).Content.ReadFromJsonAsync<JsonObject>())!["detail"], (string?)problem["detail"]);
    }

    [Fact]
    public async Task A_key_made_by_a_key_about_to_expire_expires_with_it()
    {
        using var erin = await _app.NewUserAsync("erin");
        var shortLived = await erin.CreateKeyAsync(new { label = "short", expires_in = 60 });
        using var withShort = _app.NewClient("erin", (string)shortLived["key"]!);

        var lasting = await withShort.PostAsJsonAsync(ApiKeyUsers.Collection, new { label = "lasting" });
        var longer = await withShort.PostAsJsonAsync(ApiKeyUsers.Collection, new { label = "longer", expires_in = 3600 });

        await ExpectAsync(lasting, HttpStatusCode.Created);
        await ExpectAsync(longer, HttpStatusCode.Created);
        var cap = ApiJsonDate(shortLived["expires_datetime"]);
        Assert.Equal(cap, ApiJsonDate((await lasting.Content.ReadFromJsonAsync<JsonObject>())!["expires_datetime"]));
        Assert.Equal(cap, ApiJsonDate((await longer.Content.ReadFromJsonAsync<JsonObject>())!["expires_datetime"]));
    }

    [Fact]
    public async Task A_key_may_narrow_its_makers_role()
    {
        using var dave = await _app.NewUserAsync("dave");

        Assert.Equal("admin", (string?)(await dave.CreateKeyAsync(new { label = "same" }))["role"]);
        Assert.Equal("operator", (string?)(await dave.CreateKeyAsync(new { label = "deployer", role = "operator" }))["role"]);
        Assert.Equal("read-only", (string?)(await dave.CreateKeyAsync(new { label = "reader", role = "read-only" }))["role"]);
    }

    [Fact]
    public async Task Only_an_admin_key_makes_or_revokes_keys()
    {
        using var dave = await _app.NewUserAsync("dave-operator", Role.Operator);

        var wider = await dave.PostAsJsonAsync(ApiKeyUsers.Collection, new { label = "wider", role = "admin" });

        await ExpectAsync(wider, HttpStatusCode.Forbidden);
        Assert.Equal("application/problem+json", wider.Content.Headers.ContentType?.MediaType);
        Assert.Contains("needs the admin role", (string?)(await wider.Content.ReadFromJsonAsync<JsonObject>())!["detail"]);
        Assert.Equal(["first"], (await dave.ListKeysAsync()).Select(k => (string?)k!["label"]));
    }

    [Theory]
    [InlineData("{}", "label")]
    [InlineData("{\"label\": \"\"}", "label")]
    [InlineData("{\"label\": \"no spaces\"}", "label")]
    [InlineData("{\"label\": \"-dash-first\"}", "label")]
    [InlineData("{\"label\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}", "label")]
    [InlineData("{\"label\": \"k\", \"role\": \"root\"}", "role")]
    [InlineData("{\"label\": \"k\", \"role\": 3}", "role")]
    [InlineData("{\"label\": \"k\", \"expires_in\": 59}", "expires_in")]
    [InlineData("{\"label\": \"k\", \"expires_in\": 31622401}", "expires_in")]
    [InlineData("{\"label\": \"k\", \"expires_in\": \"soon\"}", "expires_in")]
    public async Task Bad_requests_are_400s_naming_the_field_and_make_no_key(string body, string field)
    {
        using var erin = await _app.NewUserAsync("erin-" + Guid.NewGuid().ToString("N")[..8]);

        var response = await erin.PostAsync(ApiKeyUsers.Collection, new StringContent(body, Encoding.UTF8, "application/json"));

        await ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey(field));
        Assert.Equal(["first"], (await erin.ListKeysAsync()).Select(k => (string?)k!["label"]));
    }

    [Fact]
    public async Task A_user_makes_at_most_ApiKeysPerMinute_keys_a_minute_then_gets_429_with_Retry_After()
    {
        using var ivan = await _app.NewUserAsync("ivan-" + Guid.NewGuid().ToString("N")[..8]);
        await ClockMinutes.StayWithinOneMinuteAsync();

        for (var i = 0; i < PerMinute; i++)
            await ivan.CreateKeyAsync(new { label = $"k{i}" });
        var refused = await ivan.PostAsJsonAsync(ApiKeyUsers.Collection, new { label = "one-too-many" });

        await ExpectAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(await ivan.ListKeysAsync(), k => (string?)k!["label"] == "one-too-many");
    }

    [Fact]
    public async Task A_label_is_taken_until_its_key_is_revoked()
    {
        using var frank = await _app.NewUserAsync("frank");
        var first = await frank.CreateKeyAsync(new { label = "deploy" });

        await ExpectAsync(await frank.PostAsJsonAsync(ApiKeyUsers.Collection, new { label = "Deploy" }), HttpStatusCode.Conflict);
        await ExpectAsync(await frank.DeleteAsync((string)first["resource_uri"]!), HttpStatusCode.OK);
        await frank.CreateKeyAsync(new { label = "deploy" });
    }

    [Fact]
    public async Task Another_users_key_is_not_found_and_stays()
    {
        using var grace = await _app.NewUserAsync("grace");
        using var mallory = await _app.NewUserAsync("mallory");
        var created = await grace.CreateKeyAsync(new { label = "mine" });

        await ExpectAsync(await mallory.DeleteAsync((string)created["resource_uri"]!), HttpStatusCode.NotFound);
        await ExpectAsync(await mallory.DeleteAsync("/api/account/v1/apikey/not-a-uuid/"), HttpStatusCode.NotFound);
        Assert.DoesNotContain(await mallory.ListKeysAsync(), k => (string?)k!["label"] == "mine");
        Assert.True(await _app.IsAcceptedAsync("grace", (string)created["key"]!));
        using var anonymous = _app.NewClient();
        await ExpectAsync(await anonymous.PostAsJsonAsync(ApiKeyUsers.Collection, new { label = "x" }), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_retired_bootstrap_key_stays_retired_when_the_app_starts_again_with_it()
    {
        var bootstrap = Assert.Single(await _app.Client.ListKeysAsync(), k => (string?)k!["label"] == AdminKeyBootstrapper.Label)!;
        var successor = await _app.Client.CreateKeyAsync(new { label = "admin-laptop" });
        using var admin = _app.NewClient(AdminUser, (string)successor["key"]!);

        await ExpectAsync(await admin.DeleteAsync((string)bootstrap["resource_uri"]!), HttpStatusCode.OK);
        await _app.Services.GetServices<IHostedService>().OfType<AdminKeyBootstrapper>().Single().StartAsync(CancellationToken.None);

        Assert.False(await _app.IsAcceptedAsync(AdminUser, _app.AdminKey));
        Assert.Equal(["admin-laptop"], (await admin.ListKeysAsync()).Select(k => (string?)k!["label"]));
    }

    [Fact]
    public async Task An_action_says_which_user_and_which_key_started_it_and_the_audit_list_filters_by_user()
    {
        using var henry = await _app.NewUserAsync("henry");
        var deployer = await henry.CreateKeyAsync(new { label = "deployer", role = "operator" });
        using var pipeline = _app.NewClient("henry", (string)deployer["key"]!);
        var cluster = await _app.CreateClusterAsync("audited", 1, pipeline);

        var terminate = await pipeline.DeleteAsync((string)cluster["resource_uri"]!);

        await ExpectAsync(terminate, HttpStatusCode.Accepted);
        var action = (await henry.GetFromJsonAsync<JsonObject>(ActionUri(terminate)))!;
        Assert.Equal(("henry", "deployer"), ((string?)action["user"], (string?)action["api_key_label"]));
        var byHenry = (await henry.GetFromJsonAsync<JsonObject>("/api/audit/v1/action/?user=henry"))!;
        Assert.Equal((string?)action["uuid"], (string?)Assert.Single(byHenry["objects"]!.AsArray())!["uuid"]);
        var bySomeoneElse = (await henry.GetFromJsonAsync<JsonObject>("/api/audit/v1/action/?user=someone-else"))!;
        Assert.Empty(bySomeoneElse["objects"]!.AsArray());
    }

    private static DateTimeOffset ApiJsonDate(JsonNode? node) => DateTimeOffset.Parse((string)node!, CultureInfo.InvariantCulture);
}
