namespace FunctionsCloud.Client.Resources;

/// <summary>A service's trigger; <see cref="Url"/> holds its secret, so the API shows it once, when it is made.</summary>
public sealed record Trigger(
    Guid Uuid,
    string ResourceUri,
    string Service,
    string Name,
    string Operation,
    string? Url,
    DateTimeOffset CreatedDatetime,
    DateTimeOffset? LastCalledDatetime);
