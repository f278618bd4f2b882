using FunctionsCloud.Application.Operations;
using FunctionsCloud.Application.ServiceOperations;
using Microsoft.DurableTask;

namespace FunctionsCloud.Application.Stacks.Operations;

/// <summary>The stack operation's activities and the service operations it runs, called by type rather than by name.</summary>
public static class StackOperationCalls
{
    public static Task<StackPlan> BeginStackOperationAsync(this TaskOrchestrationContext context, StackOperationInput input) =>
        context.CallActivityAsync<StackPlan>(StackOperationNames.Begin, input, OperationRetries.Step);

    public static Task<ClaimResult> ClaimStackServiceAsync(this TaskOrchestrationContext context, StackServiceClaim claim) =>
        context.CallActivityAsync<ClaimResult>(StackOperationNames.Claim, claim, OperationRetries.Step);

    public static Task<string> CompleteStackOperationAsync(this TaskOrchestrationContext context, StackCompletionInput input) =>
        context.CallActivityAsync<string>(StackOperationNames.Complete, input, OperationRetries.Settle);

    /// <summary>
    /// The service operation as a sub-orchestration under the service's own action (its instance id is the action's uuid,
    /// fixed by the claim, so a replay finds it rather than starting another); answers the state the service settled in.
    /// </summary>
    public static Task<string?> RunServiceOperationAsync(this TaskOrchestrationContext context, ServiceOperationInput input) =>
        context.CallSubOrchestratorAsync<string?>(ServiceOperationNames.Orchestrator, input, new SubOrchestrationOptions { InstanceId = input.InstanceId });

    /// <summary>The state the service settled in once its operation (the claim's) ended; null while it runs.</summary>
    public static Task<string?> StackServiceOutcomeAsync(this TaskOrchestrationContext context, StackServiceClaim claim) =>
        context.CallActivityAsync<string?>(StackOperationNames.Outcome, claim, OperationRetries.Step);
}
