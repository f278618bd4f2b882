using System.Text.Json;
using FunctionsCloud.Functions.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Functions.Tests.Dashboard;

public sealed class DashboardFilesTests : IDisposable
{
    private readonly DashboardFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_root_is_index_html_revalidated_each_time_with_its_policy_and_the_security_headers()
    {
        var response = await GetAsync("/");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(DashboardFolder.Index, response.Body);
        Assert.Equal("text/html", response.Headers.ContentType);
        Assert.Equal("no-cache", response.Headers.CacheControl);
        Assert.Equal("frame-ancestors 'none'; base-uri 'self'; object-src 'none'", response.Headers.ContentSecurityPolicy);
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions);
        Assert.Equal("no-referrer", response.Headers["Referrer-Policy"]);
        Assert.Equal("DENY", response.Headers.XFrameOptions);
    }

    [Theory]
    [InlineData("/nodeclusters/abc")]
    [InlineData("/services/")]
    [InlineData("/_framework")]
    public async Task A_path_without_an_extension_that_is_no_file_loads_the_app(string path)
    {
        var response = await GetAsync(path);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(DashboardFolder.Index, response.Body);
        Assert.Equal("no-cache", response.Headers.CacheControl);
    }

    [Fact]
    public async Task A_missing_file_with_an_extension_is_a_404_problem_not_the_app()
    {
        var response = await GetAsync("/css/missing.css");

        AssertNotFoundProblem(response);
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions);
    }

    [Fact]
    public async Task A_fingerprinted_file_is_cached_for_good_and_a_plain_one_revalidated()
    {
        var wasm = await GetAsync("/" + DashboardFolder.Wasm);
        var css = await GetAsync("/css/app.css");

        Assert.Equal("application/wasm", wasm.Headers.ContentType);
        Assert.Equal("public, max-age=31536000, immutable", wasm.Headers.CacheControl);
        Assert.Equal("text/css", css.Headers.ContentType);
        Assert.Equal("no-cache", css.Headers.CacheControl);
        Assert.Equal(Microsoft.Extensions.Primitives.StringValues.Empty, css.Headers.ContentSecurityPolicy);
    }

    [Theory]
    [InlineData("br, gzip", "br", DashboardFolder.BrotliBytes)]
    [InlineData("gzip, deflate, br, zstd", "br", DashboardFolder.BrotliBytes)]
    [InlineData("gzip", "gzip", DashboardFolder.GzipBytes)]
    [InlineData("br;q=0, gzip", "gzip", DashboardFolder.GzipBytes)]
    [InlineData("br;q=0, *", "gzip", DashboardFolder.GzipBytes)]
    [InlineData("*", "br", DashboardFolder.BrotliBytes)]
    [InlineData("identity", null, DashboardFolder.WasmBytes)]
    [InlineData(null, null, DashboardFolder.WasmBytes)]
    public async Task The_precompressed_form_is_sent_when_accepted_brotli_first(string? acceptEncoding, string? encoding, string body)
    {
        var response = await GetAsync("/" + DashboardFolder.Wasm, request => request.Headers.AcceptEncoding = acceptEncoding);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(body, response.Body);
        Assert.Equal(encoding ?? "", response.Headers.ContentEncoding.ToString());
        Assert.Equal("Accept-Encoding", response.Headers.Vary);
        Assert.Equal("application/wasm", response.Headers.ContentType);
    }

    [Fact]
    public async Task A_conditional_request_for_an_unchanged_file_is_answered_304()
    {
        var first = await GetAsync("/" + DashboardFolder.Wasm, request => request.Headers.AcceptEncoding = "br");

        var byTag = await GetAsync("/" + DashboardFolder.Wasm, request =>
        {
            request.Headers.AcceptEncoding = "br";
            request.Headers.IfNoneMatch = first.Headers.ETag;
        });
        var byDate = await GetAsync("/" + DashboardFolder.Wasm, request => request.Headers.IfModifiedSince = first.Headers.LastModified);
        var otherForm = await GetAsync("/" + DashboardFolder.Wasm, request =>
        {
            request.Headers.AcceptEncoding = "gzip";
            request.Headers.IfNoneMatch = first.Headers.ETag;
        });

        Assert.Equal(304, byTag.StatusCode);
        Assert.Equal("", byTag.Body);
        Assert.Equal(304, byDate.StatusCode);
        Assert.Equal(200, otherForm.StatusCode);
        Assert.Equal(DashboardFolder.GzipBytes, otherForm.Body);
    }

    [Theory]
    [InlineData("/../secret.txt")]
    [InlineData("/css/../../secret.txt")]
    [InlineData("/..%2Fsecret.txt")]
    [InlineData("/%2e%2e/secret.txt")]
    [InlineData("/%252e%252e/secret.txt")]
    [InlineData("/..\\secret.txt")]
    [InlineData("/css/..\\..\\secret.txt")]
    [InlineData("/C:/secret.txt")]
    public async Task A_path_never_leads_out_of_the_folder(string path)
    {
        var response = await GetAsync(path);

        AssertNotFoundProblem(response);
    }

    [Fact]
    public async Task An_absolute_path_stays_under_the_folder()
    {
        var response = await GetAsync("/" + _folder.SecretPath);

        AssertNotFoundProblem(response);
        Assert.DoesNotContain(DashboardFolder.Secret, response.Body);
    }

    [Theory]
    [InlineData("/api/nope")]
    [InlineData("/api")]
    [InlineData("/API/infra/v1/nope/")]
    [InlineData("/api/index.html")]
    public async Task An_api_path_is_a_404_problem_never_the_app(string path)
    {
        var response = await GetAsync(path);

        AssertNotFoundProblem(response);
        Assert.Contains("no API resource", response.Body);
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions);
    }

    [Fact]
    public async Task Without_a_published_dashboard_every_path_is_a_404_problem_saying_so()
    {
        var files = new DashboardFiles(Options.Create(new DashboardOptions { Root = Path.Combine(_folder.Root, "not-built") }));

        var response = await GetAsync("/", files: files);

        AssertNotFoundProblem(response);
        Assert.Contains("not built or not deployed here", response.Body);
    }

    [Theory]
    [InlineData("System.Runtime.k4iu7vvig3.wasm", true)]
    [InlineData("blazor.webassembly.66stpp682q.js", true)]
    [InlineData("dotnet.native.wasm", false)]
    [InlineData("blazor.webassembly.js", false)]
    [InlineData("Microsoft.AspNetCore.Components.wasm", false)]
    [InlineData("app.css", false)]
    public void Fingerprinted_names_are_told_by_their_ten_character_segment(string name, bool fingerprinted) =>
        Assert.Equal(fingerprinted, DashboardFiles.IsFingerprinted(name));

    private static void AssertNotFoundProblem(Answer response)
    {
        Assert.Equal(404, response.StatusCode);
        Assert.Equal("application/problem+json", response.Headers.ContentType);
        Assert.Equal(404, JsonDocument.Parse(response.Body).RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain(DashboardFolder.Index, response.Body);
        Assert.DoesNotContain(DashboardFolder.Secret, response.Body);
    }

    private async Task<Answer> GetAsync(string path, Action<HttpRequest>? prepare = null, DashboardFiles? files = null)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        http.Request.Method = HttpMethods.Get;
        http.Request.Path = path;
        http.Response.Body = new MemoryStream();
        prepare?.Invoke(http.Request);

        var result = (files ?? new DashboardFiles(Options.Create(new DashboardOptions { Root = _folder.Root }))).Serve(http.Request);
        await result.ExecuteAsync(http);

        http.Response.Body.Position = 0;
        return new Answer(http.Response.StatusCode, http.Response.Headers, await new StreamReader(http.Response.Body).ReadToEndAsync());
    }

    private sealed record Answer(int StatusCode, IHeaderDictionary Headers, string Body);
}
