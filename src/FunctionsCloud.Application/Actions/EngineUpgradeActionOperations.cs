using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.EngineUpgrades;
using FunctionsCloud.Application.Nodes;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Storage.Nodes;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.Actions;

/// <summary>Retry for Node Upgrade Docker (it cannot be canceled): the node's engine is upgraded again, as a new action.</summary>
public sealed class EngineUpgradeActionOperations(INodeStore nodes, NodeService nodeService, EngineUpgradeActivities activities) : IActionOperations
{
    public bool Tracks(ActionRecord action) => action.Action == EngineUpgrade.ActionName;

    public async Task<string?> RetryRefusalAsync(ActionRecord action, CancellationToken cancellationToken) =>
        ActionObject.UuidOf(action.Object) is { } uuid && await nodes.GetAsync(action.Namespace, uuid, cancellationToken) is { IsLive: true }
            ? null
            : "its node is terminated.";

    public async Task<ActionRecord> RetryAsync(ActionRecord action, Caller caller, RequestInfo request, DurableTaskClient durable, CancellationToken cancellationToken) =>
        (await nodeService.UpgradeDockerAsync(caller, request, NodeOf(action), durable, cancellationToken)).Action;

    public Task SettleAsync(ActionRecord action, CancellationToken cancellationToken) =>
        activities.CompleteAsync(new EngineUpgradeCompletion(new EngineUpgradeInput(action.Namespace, NodeOf(action), action.Uuid), null, null,
            "The upgrade's orchestration ended without settling it."), cancellationToken);

    private static Guid NodeOf(ActionRecord action) =>
        ActionObject.UuidOf(action.Object) ?? throw new ResourceConflictException("The action cannot be retried: its object no longer exists.");
}
