using FunctionsCloud.Application.Operations;
using Microsoft.DurableTask;

namespace FunctionsCloud.Application.EngineUpgrades;

/// <summary>The engine upgrade's activities and event, called by type rather than by name.</summary>
public static class EngineUpgradeCalls
{
    public static Task<EngineUpgradePlan> BeginEngineUpgradeAsync(this TaskOrchestrationContext context, EngineUpgradeInput input) =>
        context.CallActivityAsync<EngineUpgradePlan>(EngineUpgradeNames.Begin, input, OperationRetries.Step);

    public static Task<string> CompleteEngineUpgradeAsync(this TaskOrchestrationContext context, EngineUpgradeCompletion completion) =>
        context.CallActivityAsync<string>(EngineUpgradeNames.Complete, completion, OperationRetries.Settle);

    /// <summary>The agent's report, as a heartbeat raised it; a <see cref="TaskCanceledException"/> when none came within <paramref name="timeout"/>.</summary>
    public static Task<Domain.Agents.EngineUpgradeReport> EngineUpgradeReportAsync(this TaskOrchestrationContext context, TimeSpan timeout) =>
        context.WaitForExternalEvent<Domain.Agents.EngineUpgradeReport>(EngineUpgradeNames.Reported, timeout);
}
