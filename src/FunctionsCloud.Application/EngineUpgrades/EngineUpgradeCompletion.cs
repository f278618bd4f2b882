using FunctionsCloud.Domain.Agents;

namespace FunctionsCloud.Application.EngineUpgrades;

/// <param name="Plan">Null when the upgrade failed before its agent was told.</param>
/// <param name="Report">The agent's report, when one came in time.</param>
/// <param name="Failure">Why the upgrade failed before or without a report (a step failed, the agent stayed silent).</param>
public sealed record EngineUpgradeCompletion(EngineUpgradeInput Operation, EngineUpgradePlan? Plan, EngineUpgradeReport? Report, string? Failure)
{
    /// <summary>Why the upgrade failed, or null when it succeeded.</summary>
    public string? Reason => Failure ?? Report switch
    {
        null => "The node's agent did not report the upgrade.",
        { Succeeded: false } failed => failed.Error ?? "The upgrade failed on the node.",
        _ => null,
    };
}
