namespace FunctionsCloud.Client.Resources;

public sealed record NodeCluster(
    Guid Uuid,
    string ResourceUri,
    string Name,
    string Nickname,
    string State,
    string Provider,
    string NodeType,
    string Region,
    int Disk,
    IReadOnlyList<string> Nodes,
    int TargetNumNodes,
    int CurrentNumNodes,
    IReadOnlyList<Tag> Tags,
    DateTimeOffset? DeployedDatetime,
    DateTimeOffset? DestroyedDatetime,
    string? CurrentAction,
    int MaxNumNodes);
