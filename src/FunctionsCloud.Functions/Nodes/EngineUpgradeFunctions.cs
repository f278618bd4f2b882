using FunctionsCloud.Application.EngineUpgrades;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace FunctionsCloud.Functions.Nodes;

/// <summary>The orchestrator and activities of a node's engine upgrade.</summary>
public sealed class EngineUpgradeFunctions(EngineUpgradeActivities activities)
{
    [Function(EngineUpgradeNames.Orchestrator)]
    public static Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        EngineUpgradeWorkflow.RunAsync(context, context.GetInput<EngineUpgradeInput>()!);

    [Function(EngineUpgradeNames.Begin)]
    public Task<EngineUpgradePlan> Begin([ActivityTrigger] EngineUpgradeInput input) => activities.BeginAsync(input);

    [Function(EngineUpgradeNames.Complete)]
    public Task<string> Complete([ActivityTrigger] EngineUpgradeCompletion input) => activities.CompleteAsync(input);
}
