using FunctionsCloud.Application.Operations;
using Microsoft.DurableTask;

namespace FunctionsCloud.Application.NodeTermination;

/// <summary>
/// Terminating a host of one's own (no provider to ask): its containers move to other nodes by their services' policies
/// (Service Reschedule actions, as for a lost node), its agent is given two heartbeats to remove them from the host,
/// then the node stops being watched, so that the agent's next heartbeat is refused and it exits with the status its
/// systemd unit does not restart. It runs to its end. Deterministic: only the context's clock and timers.
/// </summary>
public static class OwnNodeTerminationWorkflow
{
    public static async Task<string> RunAsync(TaskOrchestrationContext context, OwnNodeTerminationInput input)
    {
        string? failure = null;
        try
        {
            var plan = await context.CallActivityAsync<OwnNodeTerminationPlan>(OwnNodeTerminationNames.Begin, input, OperationRetries.Step);
            if (await context.CallActivityAsync<int>(OwnNodeTerminationNames.MoveContainers, input, OperationRetries.Step) > 0)
                await context.CreateTimer(TimeSpan.FromSeconds(plan.DrainSeconds), CancellationToken.None);
        }
        catch (TaskFailedException e)
        {
            failure = e.FailureDetails.ErrorMessage;
        }

        return await context.CallActivityAsync<string>(OwnNodeTerminationNames.Complete, new OwnNodeTerminationCompletion(input, failure), OperationRetries.Settle);
    }
}

/// <param name="Failure">Why a step failed for good, if one did; the node ends Terminated all the same.</param>
public sealed record OwnNodeTerminationCompletion(OwnNodeTerminationInput Operation, string? Failure);
