using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Containers;

namespace FunctionsCloud.Agent.Containers;

/// <summary>
/// The node's containers for the heartbeat: each container labelled as the node's as the engine sees it, desired ones
/// still being pulled or created as Starting, and those the last reconcile could not make as Failed with the reason.
/// Sorted by uuid, so that two reports of the same containers compare equal. Containers carry their image's variables
/// until the control plane has them (<see cref="ImageEnvironments"/>).
/// </summary>
public sealed class NodeReporter(IDockerClient docker, ReconcileProgress progress, ImageEnvironments images)
{
    public async Task<IReadOnlyList<ReportedContainer>> ReportAsync(Guid nodeUuid, CancellationToken cancellationToken)
    {
        var existing = await ManagedContainer.ListAsync(docker, nodeUuid, cancellationToken).ConfigureAwait(false);
        var reports = new Dictionary<Guid, ReportedContainer>();
        foreach (var copies in existing.Where(c => c.Uuid is not null).GroupBy(c => c.Uuid!.Value))
        {
            reports[copies.Key] = await DescribeAsync(copies.Key, ManagedContainer.Current(copies), cancellationToken).ConfigureAwait(false);
        }

        foreach (var (uuid, revision) in progress.Working)
        {
            reports.TryAdd(uuid, new ReportedContainer(uuid, revision, ReportedStates.Starting));
        }

        foreach (var (uuid, failure) in progress.Failures)
        {
            var failed = reports.TryGetValue(uuid, out var seen) ? seen : new ReportedContainer(uuid, failure.Revision, ReportedStates.Failed);
            reports[uuid] = failed with { Revision = failure.Revision, State = ReportedStates.Failed, Message = failure.Message };
        }

        var imageIds = existing.Where(c => !string.IsNullOrEmpty(c.Listed.ImageID)).ToDictionary(c => c.Id, c => c.Listed.ImageID, StringComparer.Ordinal);
        var report = reports.Values.OrderBy(r => r.Uuid).Select(r => r with { Intent = progress.IntentOf(r.Uuid) }).ToList();
        return await images.AttachAsync(report, imageIds, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The control plane accepted this report (<see cref="ImageEnvironments.Delivered"/>).</summary>
    public void Delivered(IReadOnlyList<ReportedContainer> report) => images.Delivered(report);

    private async Task<ReportedContainer> DescribeAsync(Guid uuid, ManagedContainer container, CancellationToken cancellationToken)
    {
        var exited = container.State is "exited" or "dead";
        return new ReportedContainer(
            uuid,
            container.Revision,
            StateOf(container.State, progress.Working.ContainsKey(uuid)),
            exited ? ExitCodeOf(container.Listed.Status) ?? await ExitCodeAsync(container.Id, cancellationToken).ConfigureAwait(false) : null,
            DockerId: container.Id,
            PrivateIp: PrivateIp(container.Listed),
            Ports: BoundPorts(container.Listed.Ports));
    }

    /// <param name="working">The reconciler is creating or starting it right now.</param>
    public static string StateOf(string engineState, bool working) => engineState switch
    {
        "running" or "paused" => ReportedStates.Running,
        "restarting" => ReportedStates.Starting,
        "created" when working => ReportedStates.Starting,
        _ => ReportedStates.Stopped,
    };

    /// <summary>One entry a port (the engine lists a binding once for IPv4 and once for IPv6), with the host port it took.</summary>
    public static IReadOnlyList<BoundPort> BoundPorts(IEnumerable<Port>? ports) =>
        [.. (ports ?? [])
            .GroupBy(p => (Protocol: p.Type ?? "tcp", Inner: (int)p.PrivatePort))
            .Select(g => new BoundPort(g.Key.Protocol, g.Key.Inner, g.Select(p => (int)p.PublicPort).FirstOrDefault(p => p > 0) is var outer and > 0 ? outer : null))
            .OrderBy(p => p.InnerPort)
            .ThenBy(p => p.Protocol, StringComparer.Ordinal)];

    /// <summary>
    /// The exit code in the status the engine lists an exited container with ("Exited (137) 3 minutes ago"), so a
    /// heartbeat need not inspect every stopped container; null for any other status (a dead one is inspected).
    /// </summary>
    public static int? ExitCodeOf(string? status)
    {
        const string Prefix = "Exited (";
        if (status is null || !status.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = status.IndexOf(')', Prefix.Length);
        return end > 0 && int.TryParse(status.AsSpan(Prefix.Length, end - Prefix.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code)
            ? code
            : null;
    }

    private static string? PrivateIp(ContainerListResponse listed) =>
        listed.NetworkSettings?.Networks?.Values.Select(n => n.IPAddress).FirstOrDefault(ip => !string.IsNullOrEmpty(ip));

    private async Task<int?> ExitCodeAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            var inspected = await docker.Containers.InspectContainerAsync(id, cancellationToken).ConfigureAwait(false);
            return (int)inspected.State.ExitCode;
        }
        catch (DockerContainerNotFoundException)
        {
            return null; // Removed since it was listed.
        }
    }
}
