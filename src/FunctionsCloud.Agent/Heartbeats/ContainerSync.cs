using Docker.DotNet;
using FunctionsCloud.Agent.Containers;
using FunctionsCloud.Agent.ControlPlane;
using FunctionsCloud.Agent.Identity;
using FunctionsCloud.Domain.Agents;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Agent.Heartbeats;

/// <summary>
/// Keeps the node's containers in line with its desired state: when a heartbeat answer names a generation other
/// than the one last reconciled, fetches the desired containers and reconciles them in the background (heartbeats go
/// on while images are pulled). A failed fetch or reconcile is logged and tried again at the next heartbeat.
/// </summary>
public sealed partial class ContainerSync(ControlPlaneClient controlPlane, INodeContainers containers, ILogger<ContainerSync> logger)
{
    private Task? _running;

    /// <summary>The generation whose desired containers were last reconciled; null before the first reconcile.</summary>
    public int? ReconciledGeneration { get; private set; }

    /// <summary>The reconcile in progress, if any.</summary>
    public Task? Running => _running;

    public Task<IReadOnlyList<ReportedContainer>?> ReportAsync(Guid nodeUuid, CancellationToken cancellationToken) =>
        containers.ReportAsync(nodeUuid, cancellationToken);

    /// <inheritdoc cref="INodeContainers.Delivered"/>
    public void Delivered(IReadOnlyList<ReportedContainer> report) => containers.Delivered(report);

    /// <summary>Starts a reconcile when <paramref name="generation"/> is not the one reconciled and none is running.</summary>
    public void StartIfDue(NodeIdentity identity, int generation, CancellationToken cancellationToken)
    {
        if (_running is null && generation != ReconciledGeneration)
        {
            _running = ReconcileAsync(identity, cancellationToken);
        }
    }

    /// <summary>Waits for the reconcile that ran (it never throws but for cancellation) and makes room for the next.</summary>
    public async Task CompleteAsync()
    {
        var running = _running;
        _running = null;
        if (running is not null)
        {
            await running.ConfigureAwait(false);
        }
    }

    /// <summary>Waits for a reconcile that was cancelled with the loop, so that it ends before the agent does.</summary>
    public async Task StopAsync()
    {
        try
        {
            await CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or DockerApiException or HttpRequestException or IOException)
        {
            // Cancelled with the loop, as asked: however its engine call ended, it is over.
        }
    }

    private async Task ReconcileAsync(NodeIdentity identity, CancellationToken cancellationToken)
    {
        try
        {
            var desired = await controlPlane.GetDesiredContainersAsync(identity.NodeSecret, cancellationToken).ConfigureAwait(false);
            var pullCredentials = new ControlPlanePullCredentials(controlPlane, identity.NodeSecret, logger);
            await containers.ReconcileAsync(identity.Uuid, desired.Containers ?? [], pullCredentials, cancellationToken).ConfigureAwait(false);
            ReconciledGeneration = desired.Generation;
            LogReconciled(logger, identity.Uuid, desired.Generation, desired.Containers?.Count ?? 0);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, identity.Uuid, DockerErrors.Describe(ex));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {NodeUuid}: containers reconciled to generation {Generation} ({Count} desired)")]
    private static partial void LogReconciled(ILogger logger, Guid nodeUuid, int generation, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {NodeUuid}: the desired containers could not be reconciled ({Reason}); trying again at the next heartbeat")]
    private static partial void LogFailed(ILogger logger, Guid nodeUuid, string reason);
}
