using FunctionsCloud.LocalHost.Azurite;
using Xunit;

namespace FunctionsCloud.Testing;

/// <summary>
/// The storage emulator for a test collection. A test that needs it fails when it cannot be had:
/// Azurite is started here when nothing listens on its ports.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string ConnectionString = "UseDevelopmentStorage=true";

    private AzuriteLauncher? _launcher;

    public async Task InitializeAsync() => _launcher = await AzuriteLauncher.EnsureRunningAsync();

    public async Task DisposeAsync()
    {
        if (_launcher is not null)
            await _launcher.DisposeAsync();
    }

    /// <summary>A table name prefix no other test uses, so tests never see each other's rows.</summary>
    public static string UniquePrefix() => "t" + Guid.NewGuid().ToString("N")[..10];
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
