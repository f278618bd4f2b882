using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Domain.Identifiers;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.States;
using Microsoft.DurableTask;

namespace FunctionsCloud.Application.Stacks.Operations;

/// <summary>
/// One stack operation: its services' operations, each the service operation as a sub-orchestration under an action
/// of its own, level by level (linked services first for start and redeploy, last for stop and terminate). A service
/// that does not reach its goal is named in the stack's action, and the stack settles Partly running.
/// Deterministic: ids from the context, all I/O in activities.
/// </summary>
public static class StackOperationWorkflow
{
    public static async Task<string> RunAsync(TaskOrchestrationContext context, StackOperationInput input)
    {
        var failures = new List<string>();
        try
        {
            var plan = await context.BeginStackOperationAsync(input);
            foreach (var level in plan.Levels)
                failures.AddRange((await Task.WhenAll(level.Select(step => RunServiceAsync(context, input, step)))).OfType<string>());
        }
        catch (TaskFailedException failure)
        {
            failures.Add(failure.FailureDetails.ErrorMessage);
        }

        return await context.CompleteStackOperationAsync(new StackCompletionInput(input, failures));
    }

    /// <returns>Null when the service reached its goal or had nothing to do, else what went wrong, naming the service.</returns>
    private static async Task<string?> RunServiceAsync(TaskOrchestrationContext context, StackOperationInput input, StackStep step)
    {
        var action = Uuid4.From(context.NewGuid());
        try
        {
            var claim = await context.ClaimStackServiceAsync(new StackServiceClaim(input, step, action));
            if (claim.Refusal is { } refusal)
                return $"Service {step.Name}: {refusal}";
            if (claim.Skip)
                return null;
            var settled = await context.RunServiceOperationAsync(new ServiceOperationInput(input.Namespace, step.ServiceUuid, action, step.Kind));
            return settled == ApiNames.Of(Goal(step.Kind)) ? null : $"Service {step.Name} is {settled} (see its action {action:D}).";
        }
        catch (TaskFailedException failure)
        {
            return $"Service {step.Name}: {failure.FailureDetails.ErrorMessage}";
        }
    }

    private static ServiceState Goal(ServiceOperationKind kind) => kind switch
    {
        ServiceOperationKind.Stop => ServiceState.Stopped,
        ServiceOperationKind.Terminate => ServiceState.Terminated,
        _ => ServiceState.Running,
    };
}
