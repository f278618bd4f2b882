using FunctionsCloud.Application.Healing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Functions.Healing;

/// <summary>The retry of system operations (reschedules, EVERY_NODE fills) that found their service busy.</summary>
public sealed class SystemOperationFunctions(SystemOperations operations)
{
    [Function(HealingNames.RetryOrchestrator)]
    public static Task<bool> RetryWhenFree([OrchestrationTrigger] TaskOrchestrationContext context) =>
        SystemOperationRetryWorkflow.RunAsync(context, context.GetInput<SystemOperationRequest>()!);

    [Function(HealingNames.TryStart)]
    public Task<bool> TryStart([ActivityTrigger] SystemOperationRequest request, [DurableClient] DurableTaskClient durable, FunctionContext context) =>
        operations.TryStartAsync(request, durable, context.CancellationToken);
}
