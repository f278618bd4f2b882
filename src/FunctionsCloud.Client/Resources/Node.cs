namespace FunctionsCloud.Client.Resources;

public sealed record Node(
    Guid Uuid,
    string ResourceUri,
    string? ExternalFqdn,
    string Nickname,
    string State,
    string? NodeCluster,
    string Provider,
    string NodeType,
    string Region,
    string? DockerVersion,
    int? Cpu,
    long? Memory,
    long? Disk,
    int CurrentNumContainers,
    DateTimeOffset? LastSeen,
    string? PublicIp,
    IReadOnlyList<Tag> Tags,
    DateTimeOffset? DeployedDatetime,
    string? LastError);
