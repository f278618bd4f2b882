using FunctionsCloud.Domain.Agents;
using Microsoft.DurableTask;

namespace FunctionsCloud.Application.EngineUpgrades;

/// <summary>
/// Upgrading a node's Docker engine: Begin orders it through the node's liveness pointer (so the agent's next heartbeat
/// reads the order, and quiet heartbeats stay one write), then the orchestration waits for the agent's report, which a
/// heartbeat raises as an event, for a bounded time. Complete withdraws the order, logs the command's output and settles
/// the node (Deployed again) and the action (Failed with the reason when the command failed or the agent stayed silent).
/// It cannot be canceled: a command half run on the host has nowhere honest to settle; a failed upgrade may be retried.
/// Deterministic: only the context's timers, all I/O in activities.
/// </summary>
public static class EngineUpgradeWorkflow
{
    public static async Task<string> RunAsync(TaskOrchestrationContext context, EngineUpgradeInput input)
    {
        EngineUpgradePlan? plan = null;
        EngineUpgradeReport? report = null;
        string? failure = null;
        try
        {
            plan = await context.BeginEngineUpgradeAsync(input);
            report = await context.EngineUpgradeReportAsync(TimeSpan.FromSeconds(plan.TimeoutSeconds));
        }
        catch (TaskFailedException e)
        {
            failure = e.FailureDetails.ErrorMessage;
        }
        catch (TaskCanceledException)
        {
            failure = $"The node's agent did not report the upgrade within {plan!.TimeoutSeconds} s.";
        }

        return await context.CompleteEngineUpgradeAsync(new EngineUpgradeCompletion(input, plan, report, failure));
    }
}
