using System.Net;
using FunctionsCloud.Testing;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Dashboard;

/// <summary>The dashboard beside the API on the real app, over HTTP: the site root is the app, /api/ is still the API.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DashboardSiteTests : IAsyncLifetime
{
    private readonly DashboardFolder _folder = new();
    private FunctionsCloudTestHost _app = null!;
    private HttpClient _anonymous = null!;

    public async Task InitializeAsync()
    {
        _app = await StartAsync(new Dictionary<string, string?> { ["FunctionsCloud:Dashboard:Root"] = _folder.Root });
        _anonymous = _app.NewClient();
    }

    public async Task DisposeAsync()
    {
        _anonymous.Dispose();
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/nodeclusters/x")]
    public async Task The_site_root_and_the_apps_own_routes_load_index_html_without_credentials(string path)
    {
        using var response = await _anonymous.GetAsync(path);

        await ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal(DashboardFolder.Index, await response.Content.ReadAsStringAsync());
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task A_published_file_comes_precompressed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/" + DashboardFolder.Wasm);
        request.Headers.AcceptEncoding.ParseAdd("br");

        using var response = await _anonymous.SendAsync(request);

        await ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Equal(DashboardFolder.BrotliBytes, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_routes_still_win_over_the_dashboards_catch_all_and_still_want_a_key()
    {
        using var providers = await _app.Client.GetAsync("/api/infra/v1/provider/");
        using var anonymous = await _anonymous.GetAsync("/api/infra/v1/provider/");

        await ExpectAsync(providers, HttpStatusCode.OK);
        Assert.Equal("application/json", providers.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"objects\"", await providers.Content.ReadAsStringAsync());
        await ExpectAsync(anonymous, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/api/nope")]
    [InlineData("/api/infra/v1/nodecluster/00000000-0000-0000-0000-000000000000/deploy/")] // a POST route, asked with GET
    public async Task An_unknown_api_path_is_a_404_problem_not_the_app(string path)
    {
        using var response = await _app.Client.GetAsync(path);

        await ExpectAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(DashboardFolder.Index, await response.Content.ReadAsStringAsync());
    }
}
