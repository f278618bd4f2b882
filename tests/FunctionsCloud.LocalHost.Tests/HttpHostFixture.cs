using FunctionsCloud.LocalHost.Tests.SampleFunctions;

namespace FunctionsCloud.LocalHost.Tests;

/// <summary>One local host serving the sample HTTP and durable functions, with the sample middleware.</summary>
public sealed class HttpHostFixture : IAsyncLifetime
{
    public LocalFunctionsHost Host { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        (Host, _) = await TestHosts.StartAsync(TestHosts.IsHttpOrDurable, middleware: [typeof(RequireApiKeyMiddleware), typeof(SetUserMiddleware)]);
        Client = TestHosts.ClientFor(Host);
        Client.DefaultRequestHeaders.Add(RequireApiKeyMiddleware.Header, "key");
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}
