using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.Nodes;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Nodes;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.EngineUpgrades;

/// <summary>
/// Starts a node's engine upgrade through the node's own operation slot (<see cref="NodeOperationSlot"/>), making it
/// Upgrading. An upgrade sent while one runs is a 409 naming it (a second run of the command is not what anyone meant);
/// it cannot be canceled (see <see cref="EngineUpgradeWorkflow"/>).
/// </summary>
public sealed class EngineUpgradeStarter(NodeOperationSlot slot)
{
    public Task<(Node Node, ActionRecord Action)> StartAsync(
        Caller caller, RequestInfo request, Guid nodeUuid, DurableTaskClient durable, CancellationToken cancellationToken) =>
        slot.StartAsync(caller, request, nodeUuid, EngineUpgrade.ActionName, joinsSame: false, EngineUpgradeNames.Orchestrator, Prepare,
            action => new EngineUpgradeInput(caller.Namespace, nodeUuid, action), durable, cancellationToken);

    private static void Prepare(Node node)
    {
        if (EngineUpgrade.Refusal(node) is { } refusal)
            throw new ResourceConflictException($"The node's Docker engine cannot be upgraded: {refusal}");
        node.MoveTo(NodeState.Upgrading);
    }
}
