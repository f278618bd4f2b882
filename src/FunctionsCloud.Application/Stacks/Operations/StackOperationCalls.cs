using FunctionsCloud.Application.Operations;
using Microsoft.DurableTask;

namespace FunctionsCloud.Application.Stacks.Operations;

/// <summary>The stack operation's activities, called by type rather than by name.</summary>
public static class StackOperationCalls
{
    public static Task<StackPlan> BeginStackOperationAsync(this TaskOrchestrationContext context, StackOperationInput input) =>
        context.CallActivityAsync<StackPlan>(StackOperationNames.Begin, input, OperationRetries.Step);

    public static Task<ClaimResult> ClaimStackServiceAsync(this TaskOrchestrationContext context, StackServiceClaim claim) =>
        context.CallActivityAsync<ClaimResult>(StackOperationNames.Claim, claim, OperationRetries.Step);

    public static Task<string> CompleteStackOperationAsync(this TaskOrchestrationContext context, StackCompletionInput input) =>
        context.CallActivityAsync<string>(StackOperationNames.Complete, input, OperationRetries.Settle);

    /// <summary>The state the service settled in once its operation (the claim's) ended; null while it runs.</summary>
    public static Task<string?> StackServiceOutcomeAsync(this TaskOrchestrationContext context, StackServiceClaim claim) =>
        context.CallActivityAsync<string?>(StackOperationNames.Outcome, claim, OperationRetries.Step);
}
