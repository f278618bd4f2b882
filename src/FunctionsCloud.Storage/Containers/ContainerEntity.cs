using FunctionsCloud.Domain.Changes;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.Containers;

/// <summary>
/// A container's row: PartitionKey = namespace, RowKey = uuid; State and Desired by wire name; the spec,
/// bound ports and image variables as JSON columns. Name (&lt;service&gt;-&lt;n&gt;) is stored beside its parts only so lists can filter on it.
/// </summary>
internal sealed class ContainerEntity : LifecycleRow<ContainerEntity, Container, ContainerState>, IStoredEntity<ContainerEntity, Container>
{
    public static string Resource => "container";

    /// <summary>The service's uuid ("D").</summary>
    public string ServiceUuid { get; set; } = "";
    public string ServiceName { get; set; } = "";
    public int Number { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The node's uuid ("D").</summary>
    public string NodeUuid { get; set; } = "";
    public string Desired { get; set; } = "";
    public int Revision { get; set; }
    public int ReportedRevision { get; set; }
    public int Intent { get; set; }
    public string Spec { get; set; } = "";
    public int VolumeSet { get; set; }
    public int? ExitCode { get; set; }
    public string? ExitCodeMsg { get; set; }
    public string? DockerId { get; set; }
    public string? PrivateIp { get; set; }
    public string Ports { get; set; } = "[]";
    /// <summary>The image's variables (JSON); rows written before they were kept have none.</summary>
    public string? ImageEnv { get; set; }
    public DateTimeOffset? StartedDatetime { get; set; }
    public DateTimeOffset? StoppedDatetime { get; set; }

    public static ContainerEntity From(Container container) => new ContainerEntity
    {
        ServiceUuid = TableKeys.Of(container.ServiceUuid),
        ServiceName = container.ServiceName,
        Number = container.Number,
        Name = container.Name,
        NodeUuid = TableKeys.Of(container.NodeUuid),
        Desired = ApiNames.Of(container.Desired),
        Revision = container.Revision,
        ReportedRevision = container.ReportedRevision,
        Intent = container.Intent,
        Spec = StoredValues.Json(container.Spec, nameof(Spec)),
        VolumeSet = container.VolumeSet,
        ExitCode = container.ExitCode,
        ExitCodeMsg = container.ExitCodeMsg,
        DockerId = container.DockerId,
        PrivateIp = container.PrivateIp,
        Ports = StoredValues.Json(container.Ports, nameof(Ports)),
        ImageEnv = container.ImageEnvironment.Count == 0 ? null : StoredValues.Json(container.ImageEnvironment, nameof(ImageEnv)),
        StartedDatetime = container.StartedDatetime,
        StoppedDatetime = container.StoppedDatetime,
    }.WithLifecycleOf(container);

    public Container ToDomain() => Restored(new Container
    {
        Uuid = StoredUuid(),
        Namespace = PartitionKey,
        CreatedDatetime = StoredCreated(),
        ServiceUuid = Guid.Parse(ServiceUuid),
        ServiceName = ServiceName,
        Number = Number,
        NodeUuid = Guid.Parse(NodeUuid),
        Desired = ApiNames.Parse<ContainerDesire>(Desired),
        Revision = Revision,
        ReportedRevision = ReportedRevision,
        Intent = Intent,
        Spec = StoredValues.FromJson<ContainerSpec>(Spec)
            ?? throw new InvalidDataException($"The container '{RowKey}' in '{PartitionKey}' has no spec."),
        VolumeSet = VolumeSet,
        ExitCode = ExitCode,
        ExitCodeMsg = ExitCodeMsg,
        DockerId = DockerId,
        PrivateIp = PrivateIp,
        Ports = StoredValues.FromJson<BoundPort[]>(Ports) ?? [],
        ImageEnvironment = StoredValues.FromJson<EnvironmentVariable[]>(ImageEnv) ?? [],
        StartedDatetime = StartedDatetime,
        StoppedDatetime = StoppedDatetime,
    });

    public static ChangeSubject? ChangeOf(Container container) => ChangeSubjects.Of(container);
}
