namespace FunctionsCloud.Functions.Tests.ApiKeys;

/// <summary>An app whose per-minute limit on key creations lets a burst of them through, to race each other.</summary>
public sealed class BurstApiKeyHostFixture : ApiKeyHostFixture
{
    protected override IReadOnlyDictionary<string, string?>? Settings { get; } =
        new Dictionary<string, string?> { ["FunctionsCloud:ApiKeysPerMinute"] = "1000" };
}
