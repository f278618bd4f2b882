using FunctionsCloud.Application.Actions;
using FunctionsCloud.Application.Configuration;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Storage.Liveness;
using FunctionsCloud.Storage.Nodes;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.EngineUpgrades;

/// <summary>The activities of a node's engine upgrade. Each is idempotent.</summary>
public sealed class EngineUpgradeActivities(
    INodeStore nodes, ILivenessStore liveness, ActionJournal journal, IOptions<FunctionsCloudOptions> options)
{
    /// <summary>Orders the upgrade to the node's agent: its pointer row names the action, so its next heartbeat reads it.</summary>
    public async Task<EngineUpgradePlan> BeginAsync(EngineUpgradeInput op, CancellationToken cancellationToken = default)
    {
        if ((await nodes.GetAsync(op.Namespace, op.NodeUuid, cancellationToken))?.ActiveAction != op.ActionUuid)
            throw new InvalidOperationException($"Node {op.NodeUuid} is not held by action {op.ActionUuid}.");
        var timeout = options.Value.EngineUpgradeTimeoutSeconds;
        await journal.StartAsync(op.Namespace, op.ActionUuid,
            $"Upgrading the Docker engine of node {op.NodeUuid}: its agent runs the upgrade command after its next heartbeat and has {timeout} s to report.");
        var pointer = await liveness.UpdateAsync(op.Namespace, op.NodeUuid,
                p => p.EngineUpgrade == op.ActionUuid ? null : new LivenessPatch { EngineUpgrade = op.ActionUuid }, cancellationToken)
            ?? throw new InvalidOperationException($"Node {op.NodeUuid} has no agent watched: it cannot be told to upgrade.");
        return new EngineUpgradePlan(timeout, pointer.Inventory?.DockerVersion);
    }

    /// <summary>
    /// Withdraws the order, logs the command's output, gives the node back (Deployed again if it is still Upgrading) and
    /// ends the action with the outcome.
    /// </summary>
    public async Task<string> CompleteAsync(EngineUpgradeCompletion input, CancellationToken cancellationToken = default)
    {
        var op = input.Operation;
        await liveness.UpdateAsync(op.Namespace, op.NodeUuid,
            p => p.EngineUpgrade == op.ActionUuid ? new LivenessPatch { EngineUpgrade = Guid.Empty } : null, cancellationToken);
        if (input.Report is { Output.Length: > 0 } report)
            await journal.LogStepAsync(op.Namespace, op.ActionUuid, ActionSteps.Key(EngineUpgradeNames.Complete, op), OutputLines(report.Output));
        var reason = input.Reason;
        var node = await nodes.UpdateAsync(op.Namespace, op.NodeUuid, n =>
        {
            if (n.ActiveAction != op.ActionUuid)
                return false; // completed by an earlier attempt of this activity
            if (n.State == NodeState.Upgrading)
                n.MoveTo(NodeState.Deployed);
            if (reason is null && input.Report?.DockerVersion is { } version)
                n.DockerVersion = version;
            n.ActiveAction = null;
            return true;
        }, cancellationToken);
        var state = ApiNames.Of(node?.State ?? NodeState.Terminated);
        var line = reason is null
            ? $"The Docker engine of node {op.NodeUuid} answers again: version {input.Report!.DockerVersion} (was {input.Plan?.VersionBefore ?? "unknown"}). The node is {state}."
            : $"Failed: {reason} The node is {state}; retry the action to upgrade it again.";
        await journal.FinishAsync(op.Namespace, op.ActionUuid, reason is null, line);
        return state;
    }

    private static IEnumerable<string> OutputLines(string output) =>
        output.TrimEnd('\n').Split('\n').Select(line => line.TrimEnd('\r'));
}
