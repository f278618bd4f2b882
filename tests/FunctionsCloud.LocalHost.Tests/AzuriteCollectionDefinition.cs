using FunctionsCloud.Testing;

namespace FunctionsCloud.LocalHost.Tests;

/// <summary>
/// xunit 2 only honours collection definitions in the test assembly itself, so the shared
/// <see cref="AzuriteCollection"/> (in FunctionsCloud.Testing) is declared again here for its fixture to run.
/// </summary>
[CollectionDefinition(AzuriteCollection.Name)]
public sealed class AzuriteCollectionDefinition : ICollectionFixture<AzuriteFixture>;
