using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Functions.Tests.ApiKeys;
using FunctionsCloud.Testing;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Authorization;

/// <summary>Keys narrowed to a role on the real app: a read-only key changes nothing, an operator key runs operations but not admin's.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReadOnlyKeyTests(ApiKeyHostFixture fixture) : IClassFixture<ApiKeyHostFixture>
{
    private readonly FunctionsCloudTestHost _app = fixture.App;

    [Fact]
    public async Task A_read_only_key_is_refused_every_change_with_a_403_naming_the_role_and_nothing_changes()
    {
        var cluster = await _app.CreateClusterAsync("kept", 1);
        var uuid = Guid.Parse((string)cluster["uuid"]!);
        using var reader = await NarrowedClientAsync("reader", "read-only");
        var before = await SnapshotAsync();

        foreach (var function in ApiFunctions.All.Where(f => !f.Reads))
        {
            foreach (var method in function.Methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), function.Path(uuid)) { Content = JsonContent.Create(new { name = "x" }) };
                var response = await reader.SendAsync(request);

                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {function.Path(uuid)} ({function.Name}) answered {(int)response.StatusCode}.");
                var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
                Assert.Matches("needs the (operator|admin) role", (string?)problem["detail"]);
            }
        }

        Assert.Equal(before, await SnapshotAsync());
        await ExpectAsync(await reader.GetAsync($"/api/infra/v1/nodecluster/{uuid}/"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_operator_key_runs_operations_but_is_refused_admins_routes()
    {
        using var operatorKey = await NarrowedClientAsync("deployer", "operator");

        var cluster = await _app.CreateClusterAsync("by-operator", 1, operatorKey);
        var token = await operatorKey.PostAsJsonAsync("/api/infra/v1/token/", new { });
        var key = await operatorKey.PostAsJsonAsync(ApiKeyUsers.Collection, new { label = "more", role = "operator" });

        Assert.Equal("by-operator", (string?)cluster["name"]);
        await ExpectAsync(token, HttpStatusCode.Forbidden);
        Assert.Contains("needs the admin role", await token.Content.ReadAsStringAsync());
        await ExpectAsync(key, HttpStatusCode.Forbidden);
    }

    private async Task<HttpClient> NarrowedClientAsync(string label, string role)
    {
        var created = await _app.Client.CreateKeyAsync(new { label, role });
        return _app.NewClient(AdminUser, (string)created["key"]!);
    }

    /// <summary>What a change through any route would show: every list's objects (keys without their last use, which reads move).</summary>
    private async Task<string> SnapshotAsync()
    {
        var lists = new[]
        {
            "/api/infra/v1/nodecluster/", "/api/infra/v1/node/", "/api/app/v1/service/", "/api/app/v1/container/", "/api/audit/v1/action/",
            "/api/infra/v1/token/", ApiKeyUsers.Collection,
        };
        var all = new JsonArray();
        foreach (var list in lists)
        {
            var objects = (await _app.Client.GetFromJsonAsync<JsonObject>(list))!["objects"]!.AsArray();
            foreach (var item in objects)
                item!.AsObject().Remove("last_used_datetime");
            all.Add(objects.DeepClone());
        }

        return all.ToJsonString();
    }
}
