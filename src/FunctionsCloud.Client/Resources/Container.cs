namespace FunctionsCloud.Client.Resources;

public sealed record Container(
    Guid Uuid,
    string ResourceUri,
    string Name,
    string Node,
    string Service,
    string State,
    int? ExitCode,
    string? ExitCodeMsg,
    string? PrivateIp,
    string? DockerId,
    string ImageName,
    IReadOnlyList<ContainerPort> ContainerPorts,
    DateTimeOffset? StartedDatetime);
