using FunctionsCloud.Testing;

namespace FunctionsCloud.Functions.Tests.Services;

/// <summary>Tests of the service and container API: a fresh app of their own per test, and the arrangements they share.</summary>
public abstract class ServiceAppTests : IAsyncLifetime
{
    protected FunctionsCloudTestHost App { get; private set; } = null!;
    protected ServiceArrangements Given { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await FunctionsCloudTestHost.StartAsync();
        Given = new ServiceArrangements(App);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
