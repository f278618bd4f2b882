using FunctionsCloud.Application.Operations;
using Microsoft.DurableTask;

namespace FunctionsCloud.Application.ServiceOperations;

/// <summary>
/// The one orchestration behind every service and container operation. A step writes the containers' desired
/// state (and bumps their nodes' generations); the agents converge and report in their heartbeats; the
/// orchestration looks at the reports whenever a report changed one of its containers (an event the heartbeat path
/// raises; a slow poll stands in for a lost one) until every container reached its goal or the deadline passed. A rolling redeploy (sequential_deployment) is one step per container. A cancel stops it
/// before its next step or cuts its wait short; what the steps wrote stays, and Complete settles the service.
/// Deterministic: only the context's clock, all I/O in activities.
/// </summary>
public static class ServiceOperationWorkflow
{
    private static readonly TaskOptions Retry = OperationRetries.Step;

    public static async Task<string> RunAsync(TaskOrchestrationContext context, ServiceOperationInput input)
    {
        var cancellation = OperationCancellation.Listen(context);
        var failures = new List<string>();
        ContainerReportWait? wait = null;
        try
        {
            await PredecessorWait.ForAsync(context, input.Namespace, input.Predecessor, input.ActionUuid);
            var plan = await context.CallActivityAsync<ServiceOperationPlan>(ServiceOperationNames.Begin, input, Retry);
            wait = new ContainerReportWait(context, TimeSpan.FromSeconds(plan.PollSeconds));
            var steps = plan.Rolling ? plan.Redeploys.Select(target => (IReadOnlyList<RedeployTarget>)[target]) : [plan.Redeploys];
            foreach (var redeploys in steps.TakeWhile(_ => !cancellation.IsRequested))
            {
                var step = await context.CallActivityAsync<StepResult>(ServiceOperationNames.Apply, new ServiceStepInput(input, redeploys), Retry);
                failures.AddRange(step.Failures);
                failures.AddRange(await AwaitGoalsAsync(context, input, plan, step.Awaited, wait, cancellation));
            }

            return await CompleteAsync(context, input, cancellation, failures, error: null);
        }
        catch (TaskFailedException failure)
        {
            return await CompleteAsync(context, input, cancellation, failures, failure.FailureDetails.ErrorMessage);
        }
        finally
        {
            wait?.Stop();
        }
    }

    /// <summary>
    /// Looks at the reports until nothing is pending, again whenever a report came or the slow poll is due; at the
    /// deadline, what is left is reported as failed. A cancel stops the looking.
    /// </summary>
    private static async Task<List<string>> AwaitGoalsAsync(TaskOrchestrationContext context, ServiceOperationInput input,
        ServiceOperationPlan plan, IReadOnlyList<AwaitedContainer> awaited, ContainerReportWait wait, OperationCancellation cancellation)
    {
        var failures = new List<string>();
        var deadline = context.CurrentUtcDateTime.AddSeconds(plan.TimeoutSeconds);
        var pending = awaited;
        while (pending.Count > 0)
        {
            var final = context.CurrentUtcDateTime >= deadline;
            var seen = await context.CallActivityAsync<Observation>(ServiceOperationNames.Observe,
                new ObserveInput(input, pending, plan.TimeoutSeconds, final), Retry);
            failures.AddRange(seen.Failures);
            pending = final ? [] : seen.Pending;
            if (pending.Count > 0 && await cancellation.IsCanceledBeforeAsync(wait.NextAsync()))
                break;
        }

        return failures;
    }

    private static async Task<string> CompleteAsync(
        TaskOrchestrationContext context, ServiceOperationInput input, OperationCancellation cancellation, List<string> failures, string? error)
    {
        var state = await context.CallActivityAsync<string>(ServiceOperationNames.Complete, new ServiceCompletionInput(input, failures, error), OperationRetries.Settle);
        cancellation.TellSuccessor();
        return state;
    }
}
