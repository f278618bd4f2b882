using FunctionsCloud.Application.Healing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Functions.Healing;

/// <summary>The retry of a reschedule that found its service busy.</summary>
public sealed class RescheduleFunctions(ContainerRescheduler rescheduler)
{
    [Function(HealingNames.RetryOrchestrator)]
    public static Task<bool> RetryWhenFree([OrchestrationTrigger] TaskOrchestrationContext context) =>
        RescheduleRetryWorkflow.RunAsync(context, context.GetInput<RescheduleRequest>()!);

    [Function(HealingNames.TryStart)]
    public Task<bool> TryStart([ActivityTrigger] RescheduleRequest request, [DurableClient] DurableTaskClient durable, FunctionContext context) =>
        rescheduler.TryStartAsync(request, durable, context.CancellationToken);
}
