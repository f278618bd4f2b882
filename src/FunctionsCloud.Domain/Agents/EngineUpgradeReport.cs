using System.Text.Json.Serialization;

namespace FunctionsCloud.Domain.Agents;

/// <summary>How an engine upgrade ended on the node, sent with the heartbeats while the answers still order it.</summary>
/// <param name="Action">The action of the order it answers.</param>
/// <param name="Output">The tail of the upgrade command's output (stdout and stderr as printed), at most <see cref="MaxOutput"/> characters.</param>
/// <param name="DockerVersion">The engine's version once it answered again (null: it did not).</param>
/// <param name="Error">Why it failed (the command's exit status, a silent engine); null when it succeeded.</param>
public sealed record EngineUpgradeReport(
    [property: JsonPropertyName("action")] Guid Action,
    [property: JsonPropertyName("succeeded")] bool Succeeded,
    [property: JsonPropertyName("output")] string Output,
    [property: JsonPropertyName("docker_version")] string? DockerVersion,
    [property: JsonPropertyName("error")] string? Error = null)
{
    public const int MaxOutput = 16 * 1024;
    public const int MaxError = 1024;
}
