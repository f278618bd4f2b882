namespace FunctionsCloud.Application.EngineUpgrades;

/// <summary>What the upgrade waits for once its agent is told.</summary>
/// <param name="TimeoutSeconds">How long the agent has to report the outcome.</param>
/// <param name="VersionBefore">The engine's version as the node last reported it (null: unknown).</param>
public sealed record EngineUpgradePlan(int TimeoutSeconds, string? VersionBefore);
