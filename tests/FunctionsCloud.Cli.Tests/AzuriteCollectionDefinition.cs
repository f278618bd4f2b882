using FunctionsCloud.Testing;

namespace FunctionsCloud.Cli.Tests;

/// <summary>The Azurite collection of this assembly (xunit reads collection definitions only from the test assembly).</summary>
[CollectionDefinition(AzuriteCollection.Name)]
public sealed class AzuriteCollectionDefinition : ICollectionFixture<AzuriteFixture>;
