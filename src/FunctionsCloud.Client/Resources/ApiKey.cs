namespace FunctionsCloud.Client.Resources;

/// <summary>One of the caller's API keys, bound to one namespace; <see cref="Key"/> is shown once, when it is made.</summary>
public sealed record ApiKey(
    Guid Uuid,
    string ResourceUri,
    string Label,
    string Role,
    string Namespace,
    DateTimeOffset CreatedDatetime,
    DateTimeOffset? LastUsedDatetime,
    DateTimeOffset? ExpiresDatetime,
    string? Key);
