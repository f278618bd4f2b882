using FunctionsCloud.Application.Operations;
using FunctionsCloud.Application.ServiceOperations;
using Microsoft.DurableTask;

namespace FunctionsCloud.Application.Stacks.Operations;

/// <summary>The stack operation's activities and the service operation it runs, called by type rather than by name.</summary>
public static class StackOperationCalls
{
    public static Task<StackPlan> BeginStackOperationAsync(this TaskOrchestrationContext context, StackOperationInput input) =>
        context.CallActivityAsync<StackPlan>(StackOperationNames.Begin, input, OperationRetries.Step);

    public static Task<ClaimResult> ClaimStackServiceAsync(this TaskOrchestrationContext context, StackServiceClaim claim) =>
        context.CallActivityAsync<ClaimResult>(StackOperationNames.Claim, claim, OperationRetries.Step);

    public static Task<string> CompleteStackOperationAsync(this TaskOrchestrationContext context, StackCompletionInput input) =>
        context.CallActivityAsync<string>(StackOperationNames.Complete, input, OperationRetries.Settle);

    /// <summary>The service operation as a sub-orchestration under the service's own action; answers the state it settled in.</summary>
    public static Task<string> RunServiceOperationAsync(this TaskOrchestrationContext context, ServiceOperationInput input) =>
        context.CallSubOrchestratorAsync<string>(ServiceOperationNames.Orchestrator, input, new SubOrchestrationOptions { InstanceId = input.InstanceId });
}
