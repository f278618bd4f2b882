using System.Text.Json.Serialization;

namespace FunctionsCloud.Domain.Agents;

/// <summary>
/// In heartbeat answers while a Node Upgrade Docker runs: the agent upgrades the node's engine once for this action and
/// reports the outcome with its heartbeats until the answers stop naming it.
/// </summary>
public sealed record EngineUpgradeOrder([property: JsonPropertyName("action")] Guid Action);
