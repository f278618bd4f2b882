using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.NodeClusters;
using FunctionsCloud.Application.Services;
using FunctionsCloud.Domain.Resources;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.Commands;

/// <summary>
/// Carries out a checked command through the same application services the HTTP API calls, so a command starts
/// exactly the operation (and action) its HTTP call would. A service's "deploy" is its start, as in Docker Cloud.
/// </summary>
public sealed class CommandExecutor(ServiceService services, NodeClusterService clusters)
{
    public Task<CommandOutcome> RunAsync(
        Caller caller, RequestInfo info, Command command, Guid uuid, DurableTaskClient durable, CancellationToken cancellationToken) =>
        command.Kind == CommandTargetKind.Service
            ? RunOnServiceAsync(caller, info, command, uuid, durable, cancellationToken)
            : RunOnClusterAsync(caller, info, command, uuid, durable, cancellationToken);

    public static string ObjectOf(Command command, Guid uuid) =>
        command.Kind == CommandTargetKind.Service ? ResourceUris.Service(uuid) : ResourceUris.NodeCluster(uuid);

    private async Task<CommandOutcome> RunOnServiceAsync(
        Caller caller, RequestInfo info, Command command, Guid uuid, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var started = command.Operation switch
        {
            CommandOperation.Deploy or CommandOperation.Start => await services.StartAsync(caller, info, uuid, durable, cancellationToken),
            CommandOperation.Stop => await services.StopAsync(caller, info, uuid, durable, cancellationToken),
            CommandOperation.Redeploy => await services.RedeployAsync(caller, info, uuid, durable, cancellationToken),
            CommandOperation.Terminate => await services.TerminateAsync(caller, info, uuid, durable, cancellationToken),
            _ => await ScaleServiceAsync(caller, info, command, uuid, durable, cancellationToken),
        };
        return new CommandOutcome(started.Service.ResourceUri, started.Action);
    }

    /// <summary>To the target it already has: POST scale/. To another: PATCH target_num_containers.</summary>
    private async Task<(ServiceResource Service, Domain.Actions.ActionRecord? Action)> ScaleServiceAsync(
        Caller caller, RequestInfo info, Command command, Guid uuid, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var current = (await services.LoadAsync(caller, uuid, cancellationToken)).TargetNumContainers;
        var target = TargetOf(command, current, "containers");
        if (target == current)
            return await services.ScaleAsync(caller, info, uuid, durable, cancellationToken);
        return await services.PatchAsync(caller, info, uuid, new PatchServiceRequest { TargetNumContainers = target }, durable, cancellationToken);
    }

    private async Task<CommandOutcome> RunOnClusterAsync(
        Caller caller, RequestInfo info, Command command, Guid uuid, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var started = command.Operation switch
        {
            CommandOperation.Deploy => await clusters.DeployAsync(caller, info, uuid, durable, cancellationToken),
            CommandOperation.Terminate => await clusters.TerminateAsync(caller, info, uuid, durable, cancellationToken),
            _ => await ScaleClusterAsync(caller, info, command, uuid, durable, cancellationToken),
        };
        return new CommandOutcome(started.Cluster.ResourceUri, started.Action);
    }

    private async Task<(NodeClusterResource Cluster, Domain.Actions.ActionRecord? Action)> ScaleClusterAsync(
        Caller caller, RequestInfo info, Command command, Guid uuid, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var current = (await clusters.LoadAsync(caller, uuid, cancellationToken)).TargetNumNodes;
        var target = TargetOf(command, current, "nodes");
        return await clusters.PatchAsync(caller, info, uuid, new PatchNodeClusterRequest(target, null, null), durable, cancellationToken);
    }

    /// <summary>count as given, or the current target moved by "by"; the upper bound is the services' own check.</summary>
    private static int TargetOf(Command command, int current, string unit)
    {
        var target = command.Count ?? current + command.By!.Value;
        return target >= 0
            ? target
            : throw new CommandRejectedException($"by {command.By} would take the target from {current} to {target} {unit}; it cannot go below 0.");
    }
}
