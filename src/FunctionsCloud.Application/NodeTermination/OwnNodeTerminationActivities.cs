using FunctionsCloud.Application.Actions;
using FunctionsCloud.Application.Configuration;
using FunctionsCloud.Application.Healing;
using FunctionsCloud.Application.Liveness;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Storage.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.NodeTermination;

/// <summary>The activities of the terminate of a host of one's own. Each is idempotent.</summary>
public sealed class OwnNodeTerminationActivities(
    INodeStore nodes,
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
        return new OwnNodeTerminationPlan(DrainSeconds: 2 * options.Value.HeartbeatIntervalSeconds);
    }

    /// <summary>Starts (or queues, for a busy service) a Service Reschedule per service with containers on the node; returns how many.</summary>
    public async Task<int> MoveContainersAsync(OwnNodeTerminationInput op, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        await RequireHeldAsync(op, cancellationToken);
        var services = await rescheduler.MoveOffAsync(op.Namespace, op.NodeUuid, durable, cancellationToken);
        await journal.LogStepAsync(op.Namespace, op.ActionUuid, ActionSteps.Key(OwnNodeTerminationNames.MoveContainers, op), [services.Count == 0
            ? "No container runs on the node."
            : $"The containers of {services.Count} service(s) move to other nodes (Service Reschedule); the node's agent removes its copies."]);
        return services.Count;
    }

    /// <summary>The node stops being watched (its agent's next heartbeat is refused) and ends Terminated, whatever failed before.</summary>
    public async Task<string> CompleteAsync(OwnNodeTerminationCompletion input, CancellationToken cancellationToken = default)
    {
        var op = input.Operation;
        if ((await nodes.GetAsync(op.Namespace, op.NodeUuid, cancellationToken))?.ActiveAction == op.ActionUuid)
            await liveness.StopAsync(op.Namespace, op.NodeUuid, cancellationToken);
        await nodes.UpdateAsync(op.Namespace, op.NodeUuid, n =>
        {
            if (n.ActiveAction != op.ActionUuid)
                return false; // completed by an earlier attempt of this activity
            n.MoveTo(NodeState.Terminated);
            n.DestroyedDatetime = clock.GetUtcNow();
            n.ActiveAction = null;
            return true;
        }, cancellationToken);
        var line = $"Node {op.NodeUuid} is Terminated; its agent is refused at its next heartbeat and stops.";
        await journal.FinishAsync(op.Namespace, op.ActionUuid, input.Failure is null, input.Failure is null ? line : $"Failed: {input.Failure} {line}");
        return ApiNames.Of(NodeState.Terminated);
    }

    private async Task RequireHeldAsync(OwnNodeTerminationInput op, CancellationToken cancellationToken)
    {
        var node = await nodes.GetAsync(op.Namespace, op.NodeUuid, cancellationToken);
        if (node?.ActiveAction != op.ActionUuid)
            throw new InvalidOperationException($"Node {op.NodeUuid} is not held by action {op.ActionUuid}.");
    }
}
