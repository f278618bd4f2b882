using System.Text.Json.Serialization;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Domain.Agents;

/// <summary>
/// A container the agent manages, as its engine sees it, sent with the heartbeat. <see cref="Message"/> says why a
/// container failed (its image could not be pulled, the engine refused to create or start it). <see cref="ImageEnv"/>
/// is the <c>ENV</c> of the image the container runs, sent until a heartbeat carrying it was accepted for that
/// <see cref="DockerId"/>, then left out (null: unchanged for the same Docker id, unknown for a new one).
/// </summary>
public sealed record ReportedContainer(
    [property: JsonPropertyName("uuid")] Guid Uuid,
    [property: JsonPropertyName("revision")] int Revision,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("exit_code")] int? ExitCode = null,
    [property: JsonPropertyName("message")] string? Message = null,
    [property: JsonPropertyName("docker_id")] string? DockerId = null,
    [property: JsonPropertyName("private_ip")] string? PrivateIp = null,
    [property: JsonPropertyName("ports")] IReadOnlyList<BoundPort>? Ports = null,
    [property: JsonPropertyName("intent")] int Intent = 0,
    [property: JsonPropertyName("image_env"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<EnvironmentVariable>? ImageEnv = null);

/// <summary>Bounds of the report an agent keeps to, so that the control plane accepts it.</summary>
public static class ReportLimits
{
    /// <summary>A failure's message longer than this is cut (an engine error may carry a whole HTML page).</summary>
    public const int MaxMessageLength = 1024;

    public static string Cut(string message) => message.Length <= MaxMessageLength ? message : message[..(MaxMessageLength - 1)] + "…";
}

/// <summary>The states an agent reports a container in.</summary>
public static class ReportedStates
{
    /// <summary>Created, being pulled or started.</summary>
    public const string Starting = "Starting";
    public const string Running = "Running";

    /// <summary>Exited (with its exit code) or created and not started.</summary>
    public const string Stopped = "Stopped";

    /// <summary>Could not be created or started: <see cref="ReportedContainer.Message"/> says why.</summary>
    public const string Failed = "Failed";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Starting, Running, Stopped, Failed };
}
