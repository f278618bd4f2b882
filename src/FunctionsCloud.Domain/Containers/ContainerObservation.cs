using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Domain.Containers;

/// <summary>
/// What the node's engine says of a container, recorded from every report whatever its state. The image's variables
/// come once per Docker id (<see cref="ReportedContainer.ImageEnv"/>): a report without them keeps the row's for the
/// same Docker id and forgets them for another.
/// </summary>
public sealed record ContainerObservation(
    string? DockerId, string? PrivateIp, IReadOnlyList<BoundPort> Ports, int ReportedRevision, IReadOnlyList<EnvironmentVariable>? ImageEnvironment = null)
{
    public static ContainerObservation Of(ReportedContainer report) =>
        new(report.DockerId, report.PrivateIp, report.Ports ?? [], report.Revision, report.ImageEnv?.Select(v => v.From(EnvironmentOrigin.Image)).ToList());

    /// <summary>Whether the row holds this already (lists compared by value, in order), so that writing it would change nothing.</summary>
    public bool IsRecordedIn(Container row) =>
        row.DockerId == DockerId && row.PrivateIp == PrivateIp && row.ReportedRevision == ReportedRevision && row.Ports.SequenceEqual(Ports)
        && row.ImageEnvironment.SequenceEqual(ImageEnvironmentFor(row));

    public void ApplyTo(Container row)
    {
        row.ImageEnvironment = ImageEnvironmentFor(row);
        row.DockerId = DockerId;
        row.PrivateIp = PrivateIp;
        row.Ports = Ports;
        row.ReportedRevision = ReportedRevision;
    }

    private IReadOnlyList<EnvironmentVariable> ImageEnvironmentFor(Container row) =>
        ImageEnvironment ?? (row.DockerId == DockerId ? row.ImageEnvironment : []);
}
