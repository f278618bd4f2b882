using FunctionsCloud.Domain.Agents;

namespace FunctionsCloud.Domain.Containers;

/// <summary>What the node's engine says of a container, recorded from every report whatever its state.</summary>
public sealed record ContainerObservation(string? DockerId, string? PrivateIp, IReadOnlyList<BoundPort> Ports, int ReportedRevision)
{
    public static ContainerObservation Of(ReportedContainer report) =>
        new(report.DockerId, report.PrivateIp, report.Ports ?? [], report.Revision);

    /// <summary>Whether the row holds this already (ports compared by value, in order), so that writing it would change nothing.</summary>
    public bool IsRecordedIn(Container row) =>
        row.DockerId == DockerId && row.PrivateIp == PrivateIp && row.ReportedRevision == ReportedRevision && row.Ports.SequenceEqual(Ports);

    public void ApplyTo(Container row)
    {
        row.DockerId = DockerId;
        row.PrivateIp = PrivateIp;
        row.Ports = Ports;
        row.ReportedRevision = ReportedRevision;
    }
}
