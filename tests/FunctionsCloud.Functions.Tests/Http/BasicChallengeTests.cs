using System.Net;
using FunctionsCloud.Testing;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Http;

/// <summary>
/// A refused key is challenged for Basic credentials, as Docker Cloud's clients expect, except when a page's script
/// asks (the dashboard): a challenge would make the browser open a credentials dialog of its own.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BasicChallengeTests : IAsyncLifetime
{
    private FunctionsCloudTestHost _app = null!;

    public async Task InitializeAsync() => _app = await StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_client_is_challenged_and_a_pages_script_is_not()
    {
        using var client = _app.NewClient(AdminUser, "not-the-key");

        var plain = await client.GetAsync("/api/infra/v1/nodecluster/");
        await ExpectAsync(plain, HttpStatusCode.Unauthorized);
        Assert.Equal("Basic realm=\"FunctionsCloud\"", plain.Headers.WwwAuthenticate.Single().ToString());

        using var fromScript = new HttpRequestMessage(HttpMethod.Get, "/api/infra/v1/nodecluster/");
        fromScript.Headers.Add("X-Requested-With", "XMLHttpRequest");
        var scripted = await client.SendAsync(fromScript);
        await ExpectAsync(scripted, HttpStatusCode.Unauthorized);
        Assert.Empty(scripted.Headers.WwwAuthenticate);
        Assert.Equal("application/problem+json", scripted.Content.Headers.ContentType!.MediaType);
    }
}
