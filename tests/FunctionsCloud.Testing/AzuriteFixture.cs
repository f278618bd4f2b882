using FunctionsCloud.LocalHost.Azurite;
using Xunit;

namespace FunctionsCloud.Testing;

/// <summary>
/// The storage emulator of one test assembly: an Azurite of its own on free ports, so assemblies running
/// in parallel never share or stop each other's. A test that needs it fails when it cannot be had.
/// Each test assembly declares the collection (xunit reads definitions only from the test assembly):
/// <c>[CollectionDefinition(AzuriteCollection.Name)] public sealed class X : ICollectionFixture&lt;AzuriteFixture&gt;;</c>
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private static string? _connectionString;
    private AzuriteLauncher? _launcher;

    /// <summary>The connection string of this assembly's emulator; set once the collection fixture has started.</summary>
    public static string ConnectionString =>
        _connectionString ?? throw new InvalidOperationException($"Azurite is not started: put the test in [Collection({nameof(AzuriteCollection)}.{nameof(AzuriteCollection.Name)})].");

    public async Task InitializeAsync()
    {
        _launcher = await AzuriteLauncher.StartPrivateAsync();
        _connectionString = _launcher.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_launcher is not null)
            await _launcher.DisposeAsync();
    }

    /// <summary>A table name prefix no other test uses, so tests never see each other's rows.</summary>
    public static string UniquePrefix() => "t" + Guid.NewGuid().ToString("N")[..10];
}

public static class AzuriteCollection
{
    public const string Name = "Azurite";
}
