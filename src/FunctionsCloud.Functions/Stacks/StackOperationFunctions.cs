using FunctionsCloud.Application.Stacks.Operations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Functions.Stacks;

/// <summary>The orchestrator and activities of stack operations.</summary>
public sealed class StackOperationFunctions(StackOperationActivities activities)
{
    [Function(StackOperationNames.Orchestrator)]
    public static Task<string> RunOperation([OrchestrationTrigger] TaskOrchestrationContext context) =>
        StackOperationWorkflow.RunAsync(context, context.GetInput<StackOperationInput>()!);

    [Function(StackOperationNames.Begin)]
    public Task<StackPlan> Begin([ActivityTrigger] StackOperationInput input) => activities.BeginAsync(input);

    [Function(StackOperationNames.Claim)]
    public Task<ClaimResult> Claim([ActivityTrigger] StackServiceClaim claim, [DurableClient] DurableTaskClient durable) =>
        activities.ClaimAsync(claim, durable);

    [Function(StackOperationNames.Outcome)]
    public Task<string?> Outcome([ActivityTrigger] StackServiceClaim claim) => activities.OutcomeAsync(claim);

    [Function(StackOperationNames.Complete)]
    public Task<string> Complete([ActivityTrigger] StackCompletionInput input) => activities.CompleteAsync(input);
}
