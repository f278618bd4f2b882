using Docker.DotNet;
using FunctionsCloud.Domain.Agents;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Agent.Containers;

/// <summary>
/// Brings the containers labelled as a node's in line with its desired list: removes the undesired first (freeing
/// their ports), then works the desired ones in parallel (bounded; those mounting another service's volumes last), each on its own: a container that cannot be
/// pulled, created or started is recorded as failed and the others go on.
/// </summary>
public sealed partial class NodeReconciler(IDockerClient docker, ContainerActions actions, ReconcileProgress progress, int parallelism, ILogger logger)
{
    /// <exception cref="DockerApiException">The engine refused to list the node's containers (nothing was changed).</exception>
    /// <exception cref="HttpRequestException">No engine answers (nothing was changed).</exception>
    public async Task ReconcileAsync(Guid nodeUuid, IReadOnlyList<DesiredContainer> desired, IPullCredentials pullCredentials, CancellationToken cancellationToken)
    {
        var existing = await ManagedContainer.ListAsync(docker, nodeUuid, cancellationToken).ConfigureAwait(false);
        var plan = ReconcilePlan.Make(desired, existing);
        progress.Restart();
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        var wanted = desired.Select(d => d.Uuid).ToHashSet();
        await Parallel.ForEachAsync(plan.Removals, options, async (container, ct) => await RemoveAsync(nodeUuid, container, wanted, ct).ConfigureAwait(false))
            .ConfigureAwait(false);
        var images = new ImagePuller(docker, pullCredentials);
        // Containers that mount another service's volumes come after the others, which may be the ones they mount.
        foreach (var phase in plan.Steps.GroupBy(s => s.Desired.Spec.Bindings?.Any(b => b.VolumesFrom is not null) == true).OrderBy(g => g.Key))
        {
            await Parallel.ForEachAsync(phase, options, async (step, ct) => await RunAsync(nodeUuid, step, images, ct).ConfigureAwait(false))
                .ConfigureAwait(false);
        }
        progress.Carried(desired.Select(d => (d.Uuid, d.Intent)));
    }

    private async Task RemoveAsync(Guid nodeUuid, ManagedContainer container, IReadOnlySet<Guid> wanted, CancellationToken cancellationToken)
    {
        try
        {
            await actions.StopAndRemoveAsync(container, cancellationToken).ConfigureAwait(false);
            // A container that leaves the node (terminated, or moved elsewhere) takes its named volumes with it.
            if (container.Uuid is { } uuid && !wanted.Contains(uuid))
            {
                await actions.Volumes.RemoveAsync(nodeUuid, uuid, keep: null, cancellationToken).ConfigureAwait(false);
            }

            LogRemoved(logger, nodeUuid, container.Id, container.Uuid);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Tried again at the next reconcile; it is reported meanwhile as the engine sees it.
            LogRemoveFailed(logger, nodeUuid, container.Id, DockerErrors.Describe(ex));
        }
    }

    private async Task RunAsync(Guid nodeUuid, ReconcileStep step, ImagePuller images, CancellationToken cancellationToken)
    {
        var desired = step.Desired;
        if (step.Action != ReconcileAction.Stop)
        {
            progress.Begin(desired.Uuid, desired.Revision);
        }

        try
        {
            if (await ApplyAsync(nodeUuid, step, images, cancellationToken).ConfigureAwait(false) is { } failure)
            {
                Fail(nodeUuid, desired, failure);
                return;
            }

            LogApplied(logger, nodeUuid, step.Action, desired.Name, desired.Uuid, desired.Revision);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Fail(nodeUuid, desired, $"{step.Action} failed: {DockerErrors.Describe(ex)}");
        }
        finally
        {
            progress.End(desired.Uuid);
        }
    }

    /// <returns>Null when done; else why the container could not be made (its image is missing).</returns>
    private async Task<string?> ApplyAsync(Guid nodeUuid, ReconcileStep step, ImagePuller images, CancellationToken cancellationToken)
    {
        switch (step.Action)
        {
            case ReconcileAction.Start:
                await actions.StartAsync(step.Current!.Id, cancellationToken).ConfigureAwait(false);
                return null;
            case ReconcileAction.Stop:
                await actions.StopAsync(step.Current!.Id, cancellationToken).ConfigureAwait(false);
                return null;
            default:
                // The image first: a redeploy whose image cannot be pulled leaves the old copy running.
                if (await images.EnsureAsync(step.Desired.Spec.Image, cancellationToken).ConfigureAwait(false) is { } failure)
                {
                    return failure;
                }

                if (step.Current is { } old)
                {
                    await actions.StopAndRemoveAsync(old, cancellationToken).ConfigureAwait(false);
                }

                return await actions.CreateAsync(nodeUuid, step.Desired, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Fail(Guid nodeUuid, DesiredContainer desired, string message)
    {
        progress.Fail(desired.Uuid, desired.Revision, message);
        LogFailed(logger, nodeUuid, desired.Name, desired.Uuid, message);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {NodeUuid}: {Action} {Name} ({ContainerUuid}) at revision {Revision}: done")]
    private static partial void LogApplied(ILogger logger, Guid nodeUuid, ReconcileAction action, string name, Guid containerUuid, int revision);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {NodeUuid}: {Name} ({ContainerUuid}) failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, Guid nodeUuid, string name, Guid containerUuid, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {NodeUuid}: removed container {DockerId} ({ContainerUuid}), which is not desired")]
    private static partial void LogRemoved(ILogger logger, Guid nodeUuid, string dockerId, Guid? containerUuid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {NodeUuid}: container {DockerId} could not be removed ({Reason}); trying again at the next reconcile")]
    private static partial void LogRemoveFailed(ILogger logger, Guid nodeUuid, string dockerId, string reason);
}
