using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Domain.Accounts;
using FunctionsCloud.Storage.ApiKeys;
using FunctionsCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.ApiKeys;

/// <summary>Users of one test each (a key stored for them, as an installation's admin would have made), and their key calls.</summary>
internal static class ApiKeyUsers
{
    public const string Collection = "/api/account/v1/apikey/";

    /// <summary>A client for a new user of a namespace of their own, with one key of that role.</summary>
    public static async Task<HttpClient> NewUserAsync(this FunctionsCloudTestHost app, string user, Role role = Role.Admin)
    {
        var key = ApiKeyHasher.NewKey();
        await app.Services.GetRequiredService<IApiKeyStore>().AddAsync(new ApiKeyRecord
        {
            User = user, KeyHash = ApiKeyHasher.Hash(key), Namespace = user + "-ns", Uuid = Guid.NewGuid(), Label = "first", Role = role,
            CreatedAt = DateTimeOffset.UtcNow,
        });
        return app.NewClient(user, key);
    }

    public static async Task<JsonObject> CreateKeyAsync(this HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync(Collection, body);
        await ExpectAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task<JsonArray> ListKeysAsync(this HttpClient client) =>
        (await client.GetFromJsonAsync<JsonObject>(Collection))!["objects"]!.AsArray();

    /// <summary>Whether the API takes the key now (a read any role may make).</summary>
    public static async Task<bool> IsAcceptedAsync(this FunctionsCloudTestHost app, string user, string key)
    {
        using var client = app.NewClient(user, key);
        var response = await client.GetAsync(Collection);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => true,
            HttpStatusCode.Unauthorized => false,
            _ => throw new Xunit.Sdk.XunitException($"Expected 200 or 401 but got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}"),
        };
    }
}
