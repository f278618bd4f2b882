namespace FunctionsCloud.Client.Resources;

/// <summary>A stack: services created, started, stopped, redeployed and terminated together; <see cref="Services"/> are resource URIs.</summary>
public sealed record Stack(
    Guid Uuid,
    string ResourceUri,
    string Name,
    string Nickname,
    string State,
    bool Synchronized,
    IReadOnlyList<string> Services,
    DateTimeOffset? DeployedDatetime,
    DateTimeOffset? DestroyedDatetime,
    string? CurrentAction);
