using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Testing.Nodes;

namespace FunctionsCloud.Functions.Tests.Liveness;

/// <summary>The agent's calls, made by hand over HTTP.</summary>
internal static class AgentCalls
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string secret, HttpContent? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> HeartbeatAsync(HttpClient client, string secret, string? lease) =>
        PostAsync(client, AgentRoutes.Heartbeat, secret, JsonContent.Create(new HeartbeatRequest(SimulatedNodes.Inventory, lease)));

    /// <summary>A heartbeat that must be accepted; returns the answer.</summary>
    public static async Task<HeartbeatResponse> BeatAsync(HttpClient client, string secret, string? lease)
    {
        var response = await HeartbeatAsync(client, secret, lease);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<HeartbeatResponse>())!;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
