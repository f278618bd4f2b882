using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Domain.Identifiers;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.States;
using Microsoft.DurableTask;

namespace FunctionsCloud.Application.Stacks.Operations;

/// <summary>
/// One stack operation: its services' operations, each the service operation (the ServiceOperation orchestration,
/// started by the claim under an action of the service's own, and looked at with a durable timer between looks), level by level (linked services first for start and redeploy, last for stop and terminate). A service
/// that does not reach its goal is named in the stack's action, and the stack settles Partly running.
/// Deterministic: ids from the context, all I/O in activities.
/// </summary>
public static class StackOperationWorkflow
{
    /// <summary>How often a service's operation is looked at, and how long at most (its own timeouts end it well before).</summary>
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Patience = TimeSpan.FromHours(1);

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
            var claimed = new StackServiceClaim(input, step, action);
            var giveUp = context.CurrentUtcDateTime.Add(Patience);
            string? settled;
            while ((settled = await context.StackServiceOutcomeAsync(claimed)) is null && context.CurrentUtcDateTime < giveUp)
                await context.CreateTimer(Pause, CancellationToken.None);
            return settled == ApiNames.Of(Goal(step.Kind)) ? null
                : $"Service {step.Name} is {settled ?? "still busy"} (see its action {Domain.Resources.ResourceUris.Action(action)}).";
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
