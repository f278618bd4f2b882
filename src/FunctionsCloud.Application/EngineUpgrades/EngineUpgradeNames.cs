namespace FunctionsCloud.Application.EngineUpgrades;

/// <summary>Function names of the engine upgrade's orchestrator and activities, and of the event its agent's report arrives as.</summary>
public static class EngineUpgradeNames
{
    public const string Orchestrator = "EngineUpgrade";
    public const string Begin = "BeginEngineUpgrade";
    public const string Complete = "CompleteEngineUpgrade";

    /// <summary>Raised by a heartbeat that carries the agent's report of the upgrade (payload: the report).</summary>
    public const string Reported = "EngineUpgradeReported";
}
