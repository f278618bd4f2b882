using System.Text.Json.Serialization;

namespace FunctionsCloud.Domain.Agents;

/// <summary>What a host looks like from the inside; sent at registration and with every heartbeat.</summary>
public sealed record NodeInventory(
    [property: JsonPropertyName("cpu")] int Cpu,
    [property: JsonPropertyName("memory")] long MemoryMb,
    [property: JsonPropertyName("disk")] long DiskGb,
    [property: JsonPropertyName("docker_version")] string? DockerVersion);

/// <param name="Lease">The lease of the last answer, echoed unchanged; without it (first beat after a restart) the beat costs one read more.</param>
/// <param name="Containers">Every container the agent manages on the node, as its engine sees them (null: the agent manages none).</param>
/// <param name="LogsExpires">When the log credential the agent holds expires, in epoch seconds (null: it holds none); a new one comes back when it is due.</param>
/// <param name="EngineUpgrade">How the engine upgrade the last answer ordered ended (null: none ordered, or still running).</param>
public sealed record HeartbeatRequest(
    [property: JsonPropertyName("inventory")] NodeInventory Inventory,
    [property: JsonPropertyName("lease")] string? Lease = null,
    [property: JsonPropertyName("containers")] IReadOnlyList<ReportedContainer>? Containers = null,
    [property: JsonPropertyName("logs_expires")] long? LogsExpires = null,
    [property: JsonPropertyName("engine_upgrade")] EngineUpgradeReport? EngineUpgrade = null);

/// <summary>
/// The control plane's answer: how long to wait before the next heartbeat, the node's desired-state generation
/// (it grows when the node's desired containers change), the lease to echo with the next heartbeat, and a new log
/// credential when the agent's is missing or due for renewal (else null: keep the one held), and the engine upgrade
/// to run, while one is ordered.
/// </summary>
public sealed record HeartbeatResponse(
    [property: JsonPropertyName("heartbeat_interval")] int HeartbeatIntervalSeconds,
    [property: JsonPropertyName("generation")] int Generation = 0,
    [property: JsonPropertyName("lease")] string? Lease = null,
    [property: JsonPropertyName("logs")] Logs.LogCredential? Logs = null,
    [property: JsonPropertyName("engine_upgrade")] EngineUpgradeOrder? EngineUpgrade = null);
