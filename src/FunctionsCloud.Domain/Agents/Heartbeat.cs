using System.Text.Json.Serialization;

namespace FunctionsCloud.Domain.Agents;

/// <summary>What a host looks like from the inside; sent at registration and with every heartbeat.</summary>
public sealed record NodeInventory(
    [property: JsonPropertyName("cpu")] int Cpu,
    [property: JsonPropertyName("memory")] long MemoryMb,
    [property: JsonPropertyName("disk")] long DiskGb,
    [property: JsonPropertyName("docker_version")] string? DockerVersion);

public sealed record HeartbeatRequest(
    [property: JsonPropertyName("inventory")] NodeInventory Inventory);

/// <summary>The control plane's answer: how long to wait before the next heartbeat.</summary>
public sealed record HeartbeatResponse(
    [property: JsonPropertyName("heartbeat_interval")] int HeartbeatIntervalSeconds);
