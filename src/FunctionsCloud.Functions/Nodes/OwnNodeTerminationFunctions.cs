using FunctionsCloud.Application.NodeTermination;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Functions.Nodes;

/// <summary>The orchestrator and activities of the terminate of a host of one's own.</summary>
public sealed class OwnNodeTerminationFunctions(OwnNodeTerminationActivities activities)
{
    [Function(OwnNodeTerminationNames.Orchestrator)]
    public static Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        OwnNodeTerminationWorkflow.RunAsync(context, context.GetInput<OwnNodeTerminationInput>()!);

    [Function(OwnNodeTerminationNames.Begin)]
    public Task<OwnNodeTerminationPlan> Begin([ActivityTrigger] OwnNodeTerminationInput input) => activities.BeginAsync(input);

    [Function(OwnNodeTerminationNames.MoveContainers)]
    public Task<IReadOnlyList<Guid>> MoveContainers([ActivityTrigger] OwnNodeTerminationInput input, [DurableClient] DurableTaskClient durable, FunctionContext context) =>
        activities.MoveContainersAsync(input, durable, context.CancellationToken);

    [Function(OwnNodeTerminationNames.HaveContainersMoved)]
    public Task<bool> HaveContainersMoved([ActivityTrigger] OwnNodeDrainQuery query, [DurableClient] DurableTaskClient durable, FunctionContext context) =>
        activities.HaveContainersMovedAsync(query, durable, context.CancellationToken);

    [Function(OwnNodeTerminationNames.Complete)]
    public Task<string> Complete([ActivityTrigger] OwnNodeTerminationCompletion input) => activities.CompleteAsync(input);
}
