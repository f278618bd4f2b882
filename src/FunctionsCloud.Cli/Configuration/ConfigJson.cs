using System.Text.Json.Serialization;

namespace FunctionsCloud.Cli.Configuration;

/// <summary>config.json as it is written: <c>{"url": ..., "user": ..., "apikey": ...}</c>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(StoredConfig))]
internal sealed partial class ConfigJson : JsonSerializerContext;

internal sealed record StoredConfig(string? Url, string? User, [property: JsonPropertyName("apikey")] string? ApiKey);
