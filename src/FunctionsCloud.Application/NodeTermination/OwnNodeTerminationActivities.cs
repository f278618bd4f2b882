using FunctionsCloud.Application.Actions;
using FunctionsCloud.Application.Configuration;
using FunctionsCloud.Application.Healing;
using FunctionsCloud.Application.Liveness;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Storage.Actions;
using FunctionsCloud.Storage.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.NodeTermination;

/// <summary>The activities of the terminate of a host of one's own. Each is idempotent.</summary>
public sealed class OwnNodeTerminationActivities(
    INodeStore nodes,
    IActionStore actions,
    ContainerRescheduler rescheduler,
    LivenessRegistry liveness,
    ActionJournal journal,
    IOptions<FunctionsCloudOptions> options,
    TimeProvider clock)
{
    public async Task<OwnNodeTerminationPlan> BeginAsync(OwnNodeTerminationInput op, CancellationToken cancellationToken = default)
    {
        await RequireHeldAsync(op, cancellationToken);
        await journal.StartAsync(op.Namespace, op.ActionUuid,
            $"Terminating node {op.NodeUuid}, a host of its owner's: its containers move to other nodes, then its agent is told the node is terminated.");
        var o = options.Value;
        return new OwnNodeTerminationPlan(PollSeconds: o.ContainerPollSeconds, DrainTimeoutSeconds: 2 * o.ContainerTimeoutSeconds, GraceSeconds: o.HeartbeatIntervalSeconds);
    }

    /// <summary>Starts (or queues, for a busy service) a Service Reschedule per service with containers on the node; returns their actions (the same ones when run again).</summary>
    public async Task<IReadOnlyList<Guid>> MoveContainersAsync(OwnNodeTerminationInput op, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        await RequireHeldAsync(op, cancellationToken);
        var reschedules = await rescheduler.MoveOffAsync(op.Namespace, op.NodeUuid, op.ActionUuid, durable, cancellationToken);
        await journal.LogStepAsync(op.Namespace, op.ActionUuid, ActionSteps.Key(OwnNodeTerminationNames.MoveContainers, op), [reschedules.Count == 0
            ? "No container runs on the node."
            : $"The containers of {reschedules.Count} service(s) move to other nodes (Service Reschedule); the node's agent removes its copies."]);
        return reschedules;
    }

    /// <summary>
    /// Whether every Reschedule has ended: its action finished, or it never began (its service was stopped or gone
    /// meanwhile) and nothing waits to start it any more.
    /// </summary>
    public async Task<bool> HaveContainersMovedAsync(OwnNodeDrainQuery query, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        foreach (var reschedule in query.Reschedules)
        {
            var action = await actions.GetAsync(query.Operation.Namespace, reschedule, cancellationToken);
            if (action is { IsFinished: false })
                return false;
            if (action is null && await durable.GetInstanceAsync(SystemOperationRequest.RetryInstanceIdOf(reschedule), getInputsAndOutputs: false, cancellationToken)
                    is { IsCompleted: false })
                return false;
        }

        return true;
    }

    /// <summary>
    /// Succeeded: the node stops being watched (its agent's next heartbeat is refused) and ends Terminated. Failed: the
    /// node stays Terminating with its agent running (its containers where they are) and is free to be terminated again.
    /// </summary>
    public async Task<string> CompleteAsync(OwnNodeTerminationCompletion input, CancellationToken cancellationToken = default)
    {
        var op = input.Operation;
        var succeeded = input.Failure is null;
        if (succeeded && (await nodes.GetAsync(op.Namespace, op.NodeUuid, cancellationToken))?.ActiveAction == op.ActionUuid)
            await liveness.StopAsync(op.Namespace, op.NodeUuid, cancellationToken);
        var node = await nodes.UpdateAsync(op.Namespace, op.NodeUuid, n =>
        {
            if (n.ActiveAction != op.ActionUuid)
                return false; // completed by an earlier attempt of this activity
            if (succeeded)
            {
                n.MoveTo(NodeState.Terminated);
                n.DestroyedDatetime = clock.GetUtcNow();
            }

            n.ActiveAction = null;
            return true;
        }, cancellationToken);
        var line = succeeded
            ? $"Node {op.NodeUuid} is Terminated; its agent is refused at its next heartbeat and stops."
            : $"Failed: {input.Failure} Node {op.NodeUuid} stays Terminating with its agent running; retry the action to terminate it.";
        await journal.FinishAsync(op.Namespace, op.ActionUuid, succeeded, line);
        return ApiNames.Of(node?.State ?? NodeState.Terminated);
    }

    private async Task RequireHeldAsync(OwnNodeTerminationInput op, CancellationToken cancellationToken)
    {
        var node = await nodes.GetAsync(op.Namespace, op.NodeUuid, cancellationToken);
        if (node?.ActiveAction != op.ActionUuid)
            throw new InvalidOperationException($"Node {op.NodeUuid} is not held by action {op.ActionUuid}.");
    }
}
