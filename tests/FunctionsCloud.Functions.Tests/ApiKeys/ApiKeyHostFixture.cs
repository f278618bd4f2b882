using FunctionsCloud.Testing;

namespace FunctionsCloud.Functions.Tests.ApiKeys;

/// <summary>One app for a test class; its tests keep apart by using users of their own.</summary>
public class ApiKeyHostFixture : IAsyncLifetime
{
    public FunctionsCloudTestHost App { get; private set; } = null!;

    /// <summary>App settings on top of the test defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    public async Task InitializeAsync() => App = await FunctionsCloudTestHost.StartAsync(Settings);

    public async Task DisposeAsync() => await App.DisposeAsync();
}
