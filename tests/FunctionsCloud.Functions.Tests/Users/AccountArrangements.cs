using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Testing;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Users;

/// <summary>Users, organizations and teams made over the API, by the bootstrap admin unless told otherwise.</summary>
internal static class AccountArrangements
{
    public const string UserCollection = "/api/account/v1/user/";
    public const string OrganizationCollection = "/api/account/v1/organization/";
    public const string ApiKeyCollection = "/api/account/v1/apikey/";

    /// <summary>A name no other test of the run uses: users' names stay taken for good.</summary>
    public static string Unique(string name) => $"{name}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>A new user, and a client with the first key the answer brought (admin of the user's own namespace).</summary>
    public static async Task<(string Name, HttpClient Client)> CreateUserAsync(this FunctionsCloudTestHost app, string name, bool isInstallationAdmin = false)
    {
        var user = await CreatedAsync(app.Client, UserCollection, new { username = Unique(name), is_admin = isInstallationAdmin });
        var username = (string)user["username"]!;
        return (username, app.NewClient(username, (string)user["api_key"]!["key"]!));
    }

    public static Task<JsonObject> CreateOrganizationAsync(this FunctionsCloudTestHost app, string name, params string[] owners) =>
        CreatedAsync(app.Client, OrganizationCollection, new { name = Unique(name), owners });

    public static Task<JsonObject> CreateTeamAsync(this HttpClient admin, JsonObject organization, string name, string role, params string[] members) =>
        CreatedAsync(admin, (string)organization["resource_uri"]! + "team/", new { name, role, members });

    /// <summary>A client with a new key of the user's, in another namespace (an organization's).</summary>
    public static async Task<HttpClient> KeyInAsync(this FunctionsCloudTestHost app, (string Name, HttpClient Client) user, JsonObject organization, string? role = null)
    {
        var key = await CreatedAsync(user.Client, ApiKeyCollection, new { label = Unique("org"), @namespace = (string)organization["name"]!, role });
        return app.NewClient(user.Name, (string)key["key"]!);
    }

    public static async Task<JsonObject> CreatedAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        await ExpectAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>A 400 problem naming the field among its errors.</summary>
    public static async Task ExpectProblemAsync(HttpResponseMessage response, string field)
    {
        await ExpectAsync(response, HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(problem["errors"]?.AsObject().ContainsKey(field), problem.ToJsonString());
    }

    public static async Task<JsonArray> ObjectsAsync(this HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonObject>(path))!["objects"]!.AsArray();
}
