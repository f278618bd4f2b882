using FunctionsCloud.Testing;

namespace FunctionsCloud.Functions.Tests.ApiKeys;

/// <summary>One app for a test class; its tests keep apart by using users of their own.</summary>
public sealed class ApiKeyHostFixture : IAsyncLifetime
{
    public FunctionsCloudTestHost App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await FunctionsCloudTestHost.StartAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}
