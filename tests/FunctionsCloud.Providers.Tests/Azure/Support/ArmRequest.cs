using System.Text.Json.Nodes;

namespace FunctionsCloud.Providers.Tests.Azure.Support;

/// <summary>One request the fake ARM received, as the client actually sent it.</summary>
public sealed record ArmRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, string Body, string? Authorization)
{
    public DateTimeOffset At { get; init; } = DateTimeOffset.UtcNow;

    public string? ApiVersion => Query.GetValueOrDefault("api-version");

    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("empty body");

    public bool Is(string method, string pathEnd) =>
        Method == method && Path.EndsWith(pathEnd, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Method} {Path}?api-version={ApiVersion}";
}
