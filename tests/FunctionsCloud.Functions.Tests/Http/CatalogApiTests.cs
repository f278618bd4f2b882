using System.Net;
using System.Text.Json.Nodes;
using FunctionsCloud.Testing;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Http;

[Collection(AzuriteCollection.Name)]
public sealed class CatalogApiTests : IAsyncLifetime
{
    private FunctionsCloudTestHost _app = null!;

    public async Task InitializeAsync() => _app = await StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Providers_say_which_can_be_used_here_and_why_not()
    {
        var list = await _app.GetJsonAsync("/api/infra/v1/provider/");
        var providers = list["objects"]!.AsArray().Select(p => p!.AsObject()).ToDictionary(p => (string)p["name"]!);

        Assert.Equal(7, (int)list["meta"]!["total_count"]!);
        Assert.Contains("/api/infra/v1/token/", (string?)providers["byon"]["unavailable_reason"]);
        Assert.True((bool)providers["local"]["available"]!);
        Assert.False((bool)providers["aws"]["available"]!);
        Assert.Contains("No Amazon Web Services account is linked to this namespace", (string?)providers["aws"]["unavailable_reason"]);
        Assert.Contains("2026-06-30", (string?)providers["packet"]["unavailable_reason"]);
        Assert.Contains("/api/infra/v1/region/aws/us-east-1/", providers["aws"]["regions"]!.AsArray().Select(r => (string?)r));
    }

    [Theory]
    [InlineData("/api/infra/v1/region/aws/us-east-1/")]
    [InlineData("/api/infra/v1/region/aws/us-east-1")]
    [InlineData("/api/infra/v1/nodetype/digitalocean/s-1vcpu-1gb/")]
    [InlineData("/api/infra/v1/provider/local/")]
    [InlineData("/api/infra/v1/az/aws/us-east-1a/")]
    public async Task Objects_are_found_by_their_resource_uri_with_or_without_the_slash(string uri)
    {
        var found = await _app.GetJsonAsync(uri);

        Assert.Equal(uri.TrimEnd('/') + "/", (string?)found["resource_uri"]);
    }

    [Fact]
    public async Task Lists_filter_in_the_same_way_as_stored_lists()
    {
        var regions = await _app.GetJsonAsync("/api/infra/v1/region/?provider=/api/infra/v1/provider/aws/&name__startswith=eu-");

        Assert.Equal(["eu-west-1", "eu-central-1"], regions["objects"]!.AsArray().Select(r => (string)r!["name"]!));
        Assert.Equal(3, ((JsonArray)regions["objects"]![0]!["availability_zones"]!).Count);
    }

    [Fact]
    public async Task Availability_zones_come_from_the_providers_catalogs_and_filter_by_region()
    {
        var zones = await _app.GetJsonAsync("/api/infra/v1/az/?region=/api/infra/v1/region/aws/eu-west-1/");
        var local = (await _app.GetJsonAsync("/api/infra/v1/az/?provider=/api/infra/v1/provider/local/"))["objects"]!.AsArray().Single()!;

        Assert.Equal(["eu-west-1a", "eu-west-1b", "eu-west-1c"], zones["objects"]!.AsArray().Select(z => (string)z!["name"]!));
        Assert.False((bool)zones["objects"]![0]!["available"]!);
        Assert.Equal(("local", "/api/infra/v1/region/local/local/", true), ((string?)local["name"], (string?)local["region"], (bool)local["available"]!));
    }

    [Fact]
    public async Task Unknown_catalog_entries_are_404s()
    {
        await ExpectAsync(await _app.Client.GetAsync("/api/infra/v1/region/aws/mars-1/"), HttpStatusCode.NotFound);
        await ExpectAsync(await _app.Client.GetAsync("/api/infra/v1/provider/nimbus/"), HttpStatusCode.NotFound);
        await ExpectAsync(await _app.Client.GetAsync("/api/infra/v1/az/azure/eastus-1/"), HttpStatusCode.NotFound);
    }
}
