using FunctionsCloud.Application.Operations;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Domain.Identifiers;
using FunctionsCloud.Domain.Resources;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.States;
using Microsoft.DurableTask;

namespace FunctionsCloud.Application.Stacks.Operations;

/// <summary>
/// One stack operation: its services' operations, level by level (linked services first for start and redeploy, last
/// for stop and terminate). Each service's operation is the service operation (the ServiceOperation orchestration) run
/// as a sub-orchestration under an action of the service's own, which the claim records as it takes the service's
/// operation slot; the action's uuid, fixed here before the claim, is the sub-orchestration's instance id. A claim
/// answered by the same terminate already in flight on the service is looked at with a durable timer between looks.
/// A service that does not reach its goal is named in the stack's action, and the stack settles Partly running. A
/// terminate that took the stack over waits for the operation it cancels first; a cancel stops the operation before
/// its next level or stops its waiting on the services (whose operations in flight run to their ends).
/// Deterministic: ids from the context, all I/O in activities.
/// </summary>
public static class StackOperationWorkflow
{
    /// <summary>How often a service's operation the stack did not start is looked at, and how long at most (its own timeouts end it well before).</summary>
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Patience = TimeSpan.FromHours(1);

    public static async Task<string> RunAsync(TaskOrchestrationContext context, StackOperationInput input)
    {
        var cancellation = OperationCancellation.Listen(context);
        var failures = new List<string>();
        try
        {
            await PredecessorWait.ForAsync(context, input.Namespace, input.Predecessor, input.ActionUuid);
            var plan = await context.BeginStackOperationAsync(input);
            foreach (var level in plan.Levels.TakeWhile(_ => !cancellation.IsRequested))
                failures.AddRange((await Task.WhenAll(level.Select(step => RunServiceAsync(context, input, step, cancellation)))).OfType<string>());
        }
        catch (TaskFailedException failure)
        {
            failures.Add(failure.FailureDetails.ErrorMessage);
        }

        var state = await context.CompleteStackOperationAsync(new StackCompletionInput(input, failures));
        cancellation.TellSuccessor();
        return state;
    }

    /// <returns>Null when the service reached its goal or had nothing to do, else what went wrong, naming the service.</returns>
    private static async Task<string?> RunServiceAsync(TaskOrchestrationContext context, StackOperationInput input, StackStep step, OperationCancellation cancellation)
    {
        try
        {
            var claim = await context.ClaimStackServiceAsync(new StackServiceClaim(input, step, Uuid4.From(context.NewGuid())));
            if (claim.Refusal is { } refusal)
                return $"Service {step.Name}: {refusal}";
            if (claim.Skip || claim.Action is not { } action)
                return null;
            var outcome = claim.Run is { } run ? context.RunServiceOperationAsync(run) : WatchAsync(context, new StackServiceClaim(input, step, action));
            if (await cancellation.IsCanceledBeforeAsync(outcome))
                return $"Service {step.Name} was left to its action {ResourceUris.Action(action)}: the stack's operation was canceled.";
            var settled = await outcome;
            return settled == ApiNames.Of(Goal(step.Kind)) ? null
                : $"Service {step.Name} is {settled ?? "still busy"} (see its action {ResourceUris.Action(action)}).";
        }
        catch (TaskFailedException failure)
        {
            return $"Service {step.Name}: {failure.FailureDetails.ErrorMessage}";
        }
    }

    /// <summary>Looks at an operation the stack did not start until it ends; null when it is still busy at the end of <see cref="Patience"/>.</summary>
    private static async Task<string?> WatchAsync(TaskOrchestrationContext context, StackServiceClaim claimed)
    {
        var giveUp = context.CurrentUtcDateTime.Add(Patience);
        string? settled;
        while ((settled = await context.StackServiceOutcomeAsync(claimed)) is null && context.CurrentUtcDateTime < giveUp)
            await context.CreateTimer(Pause, CancellationToken.None);
        return settled;
    }

    private static ServiceState Goal(ServiceOperationKind kind) => kind switch
    {
        ServiceOperationKind.Stop => ServiceState.Stopped,
        ServiceOperationKind.Terminate => ServiceState.Terminated,
        _ => ServiceState.Running,
    };
}
