using FunctionsCloud.Application.Operations;
using Microsoft.DurableTask;

namespace FunctionsCloud.Application.NodeTermination;

/// <summary>
/// Terminating a host of one's own (no provider to ask): its containers move to other nodes by their services' policies
/// (Service Reschedule actions, as for a lost node); once those have ended (looked at every few seconds, for a bounded
/// time), its agent is given one heartbeat to remove the old copies from the host, then the node stops being watched,
/// so that the agent's next heartbeat is refused and it exits with the status its systemd unit does not restart.
/// When the containers could not be moved, the node stays Terminating with its agent running and the action fails,
/// to be retried. It cannot be canceled. Deterministic: only the context's clock and timers.
/// </summary>
public static class OwnNodeTerminationWorkflow
{
    public static async Task<string> RunAsync(TaskOrchestrationContext context, OwnNodeTerminationInput input)
    {
        string? failure = null;
        try
        {
            var plan = await context.CallActivityAsync<OwnNodeTerminationPlan>(OwnNodeTerminationNames.Begin, input, OperationRetries.Step);
            var reschedules = await context.CallActivityAsync<IReadOnlyList<Guid>>(OwnNodeTerminationNames.MoveContainers, input, OperationRetries.Step);
            if (reschedules.Count > 0)
                failure = await DrainAsync(context, plan, new OwnNodeDrainQuery(input, reschedules));
        }
        catch (TaskFailedException e)
        {
            failure = e.FailureDetails.ErrorMessage;
        }

        return await context.CallActivityAsync<string>(OwnNodeTerminationNames.Complete, new OwnNodeTerminationCompletion(input, failure), OperationRetries.Settle);
    }

    /// <summary>Waits for the Reschedule actions to end, then one heartbeat for the agent; null, or why the containers did not move in time.</summary>
    private static async Task<string?> DrainAsync(TaskOrchestrationContext context, OwnNodeTerminationPlan plan, OwnNodeDrainQuery query)
    {
        var deadline = context.CurrentUtcDateTime.AddSeconds(plan.DrainTimeoutSeconds);
        while (!await context.CallActivityAsync<bool>(OwnNodeTerminationNames.HaveContainersMoved, query, OperationRetries.Step))
        {
            if (context.CurrentUtcDateTime >= deadline)
                return $"The node's containers did not move to other nodes within {plan.DrainTimeoutSeconds} s.";
            await context.CreateTimer(TimeSpan.FromSeconds(plan.PollSeconds), CancellationToken.None);
        }

        await context.CreateTimer(TimeSpan.FromSeconds(plan.GraceSeconds), CancellationToken.None);
        return null;
    }
}
