namespace FunctionsCloud.Domain.Triggers;

/// <summary>
/// A URL that performs one operation on one service for whoever holds it. Known by the hash of its secret only;
/// remembers the body of its latest call, which the service's containers get as <see cref="TriggerRules.BodyVariable"/>.
/// </summary>
public sealed class Trigger
{
    public required Guid Uuid { get; init; }
    public required string Namespace { get; init; }
    public required Guid ServiceUuid { get; init; }
    public required string Name { get; init; }
    public required TriggerOperation Operation { get; init; }
    public required string SecretHash { get; init; }
    /// <summary>The user who made it: calls act as them.</summary>
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset CreatedDatetime { get; init; }
    public DateTimeOffset? LastCalledDatetime { get; set; }
    public string? Version { get; set; }
}
