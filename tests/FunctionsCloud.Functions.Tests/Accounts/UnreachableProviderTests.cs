using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using FunctionsCloud.Application.Accounts;
using FunctionsCloud.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Accounts;

/// <summary>
/// Linking an account when the provider's API cannot judge the credentials (nothing listens, nothing answers, or it
/// answers only 503): a 502 naming the provider and what failed, within seconds, and nothing linked.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UnreachableProviderTests
{
    private const string Account = "/api/infra/v1/provider/digitalocean/account/";

    [Fact]
    public async Task Nothing_listening_is_a_502_naming_the_provider()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        await ExpectBadGatewayAsync($"http://127.0.0.1:{port}/", "could not be reached");
    }

    [Fact]
    public async Task An_api_that_never_answers_is_a_502_after_the_check_timeout()
    {
        // Connections complete into the backlog and requests are sent, but nothing is ever read or answered.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();

        await ExpectBadGatewayAsync($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/", "no answer within");
    }

    [Fact]
    public async Task An_api_that_only_answers_503_is_a_502_without_retrying_for_long()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(503));

        await ExpectBadGatewayAsync(server.Url! + "/", "digitalocean");
    }

    private static async Task ExpectBadGatewayAsync(string apiUrl, string said)
    {
        await using var app = await StartAsync(new Dictionary<string, string?> { ["FunctionsCloud:Providers:DigitalOcean:ApiUrl"] = apiUrl });
        var clock = Stopwatch.StartNew();

        var response = await app.Client.PutAsJsonAsync(Account, new { token = "dop_v1_0123456789abcdef" });

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadGateway, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (string)JsonNode.Parse(text)!["detail"]!;
        Assert.Contains("digitalocean", detail, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(said, detail, StringComparison.OrdinalIgnoreCase);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, ProviderAccountService.CheckTimeout + TimeSpan.FromSeconds(3));
        Assert.False((bool)(await app.GetJsonAsync(Account))["linked"]!);
    }
}
