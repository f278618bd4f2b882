using FunctionsCloud.Application.Liveness;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Storage.Containers;
using FunctionsCloud.Storage.Entities;
using FunctionsCloud.Storage.Nodes;
using FunctionsCloud.Storage.Services;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.Agents;

/// <summary>
/// Applies the container report a node's agent sends with its heartbeats to the node's container rows
/// (<see cref="ContainerReports"/>): one list of the node's rows, then one write per row that changes. A report
/// equal to the last one applied (its digest is in the lease) costs nothing.
/// </summary>
/// <param name="wakeUps">Tells the operations waiting on containers that a report changed them (none: they see it at their next slow poll).</param>
public sealed class ContainerReportRecorder(
    IContainerStore containers, IServiceStore services, INodeStore nodes, NodeGenerations generations, TimeProvider clock,
    ContainerWaitWakeUps? wakeUps = null)
{
    /// <summary>
    /// Applies the report (validated with the heartbeat) unless the lease says it was applied already, and returns
    /// the lease to answer with: carrying the report's digest and, when the report changed what the node runs, the
    /// node's new generation and the pointer's version after that bump, so that the next quiet heartbeat is still
    /// one write and no read.
    /// </summary>
    /// <param name="lease">The lease of the heartbeat just written (its generation is the node's now).</param>
    /// <param name="durable">Wakes the operations waiting on containers whose state the report changed (none: nobody is woken).</param>
    public async Task<HeartbeatLease> RecordAsync(
        NodeIdentity node, IReadOnlyList<ReportedContainer>? report, HeartbeatLease lease, CancellationToken cancellationToken, DurableTaskClient? durable = null)
    {
        if (report is null)
            return lease;
        var digest = ContainerReportDigest.Of(lease.Generation, report);
        if (digest == lease.ContainersDigest)
            return lease;
        var written = await WriteAsync(node, report, cancellationToken);
        // The generation first: a wake-up that fails must not leave the rows written and the node unbumped, as the
        // retried heartbeat then finds nothing to change. Wake-ups are best-effort (the operations' slow poll covers one).
        var answer = written.ChangesDesire ? await BumpedAsync(node, report, lease, cancellationToken) : lease with { ContainersDigest = digest };
        if (durable is not null && wakeUps is not null && written.Moved.Count > 0)
            await wakeUps.WakeAsync(node.Namespace, written.Moved, durable, cancellationToken);
        return answer;
    }

    private async Task<HeartbeatLease> BumpedAsync(NodeIdentity node, IReadOnlyList<ReportedContainer> report, HeartbeatLease lease, CancellationToken cancellationToken)
    {
        var (generation, version) = await generations.BumpAsync(node.Namespace, node.NodeUuid, lease.PointerVersion, lease.Generation, cancellationToken);
        return lease with
        {
            PointerVersion = version ?? lease.PointerVersion,
            Generation = generation,
            ContainersDigest = ContainerReportDigest.Of(generation, report),
        };
    }

    /// <summary>
    /// Applies the report to every live row of the node (a 400 naming the field, and nothing changed, when the
    /// report is not valid). Returns the node's new generation when the report changed its desired containers
    /// (an exit that is not restarted, an autodestroy), else null.
    /// </summary>
    public async Task<int?> ApplyAsync(NodeIdentity node, IReadOnlyList<ReportedContainer> report, CancellationToken cancellationToken)
    {
        ContainerReportRules.Validate(report);
        return (await WriteAsync(node, report, cancellationToken)).ChangesDesire ? await generations.BumpAsync(node.Namespace, node.NodeUuid, cancellationToken) : null;
    }

    /// <summary>
    /// Writes the report to the node's live rows. Says whether it changed the node's desired containers, and the
    /// services of the containers whose state it changed (what an operation may be waiting for).
    /// </summary>
    private async Task<(bool ChangesDesire, IReadOnlyList<Guid> Moved)> WriteAsync(
        NodeIdentity node, IReadOnlyList<ReportedContainer> report, CancellationToken cancellationToken)
    {
        var rows = await containers.ListLiveByNodeAsync(node.Namespace, node.NodeUuid, cancellationToken);
        var reported = report.ToDictionary(c => c.Uuid);
        var now = clock.GetUtcNow();
        var written = new List<(Container Row, ContainerReportChange Change)>();
        foreach (var row in rows)
        {
            var change = await WriteAsync(row, reported.GetValueOrDefault(row.Uuid), now, cancellationToken);
            if (change.Autodestroyed)
                await LowerTargetAsync(row, cancellationToken);
            written.Add((row, change));
        }

        var terminated = written.Count(w => w.Change.State == ContainerState.Terminated);
        if (terminated > 0)
            await CountAsync(node, rows.Count - terminated, cancellationToken);
        return (written.Any(w => w.Change.ChangesDesire), written.Where(w => w.Change.State is not null).Select(w => w.Row.ServiceUuid).Distinct().ToList());
    }

    /// <summary>
    /// Writes the row as listed (If-Match, no read); when someone else wrote it since, the rule is applied again to a
    /// fresh copy. Returns the change that was written (None: nothing was).
    /// </summary>
    private async Task<ContainerReportChange> WriteAsync(Container listed, ReportedContainer? report, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var written = ContainerReportChange.None;
        try
        {
            var stored = await containers.UpdateAsync(listed.Namespace, listed.Uuid, listed, row =>
            {
                written = ContainerReports.Decide(row, report, now);
                written.ApplyTo(row);
                return !written.IsNone;
            }, cancellationToken);
            return stored is null ? ContainerReportChange.None : written;
        }
        catch (EntityNotFoundException)
        {
            return ContainerReportChange.None; // gone since it was listed
        }
    }

    /// <summary>Autodestroy lowers the service's target by one, so that the service does not replace the container.</summary>
    private Task LowerTargetAsync(Container row, CancellationToken cancellationToken) =>
        services.UpdateAsync(row.Namespace, row.ServiceUuid, service =>
        {
            if (service.TargetNumContainers <= 0)
                return false;
            service.TargetNumContainers--;
            return true;
        }, cancellationToken);

    private Task CountAsync(NodeIdentity node, int live, CancellationToken cancellationToken) =>
        nodes.UpdateAsync(node.Namespace, node.NodeUuid, n =>
        {
            if (n.CurrentNumContainers == live)
                return false;
            n.CurrentNumContainers = live;
            return true;
        }, cancellationToken);
}
