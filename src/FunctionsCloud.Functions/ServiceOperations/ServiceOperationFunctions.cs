using FunctionsCloud.Application.ServiceOperations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace FunctionsCloud.Functions.ServiceOperations;

/// <summary>The orchestrator and activities of service and container operations.</summary>
public sealed class ServiceOperationFunctions(ServiceOperationActivities activities)
{
    [Function(ServiceOperationNames.Orchestrator)]
    public static Task<string> RunOperation([OrchestrationTrigger] TaskOrchestrationContext context) =>
        ServiceOperationWorkflow.RunAsync(context, context.GetInput<ServiceOperationInput>()!);

    [Function(ServiceOperationNames.Begin)]
    public Task<ServiceOperationPlan> Begin([ActivityTrigger] ServiceOperationInput input) => activities.BeginAsync(input);

    [Function(ServiceOperationNames.Apply)]
    public Task<StepResult> Apply([ActivityTrigger] ServiceStepInput input) => activities.ApplyAsync(input);

    [Function(ServiceOperationNames.Observe)]
    public Task<Observation> Observe([ActivityTrigger] ObserveInput input) => activities.ObserveAsync(input);

    [Function(ServiceOperationNames.Complete)]
    public Task<string> Complete([ActivityTrigger] ServiceCompletionInput input) => activities.CompleteAsync(input);
}
