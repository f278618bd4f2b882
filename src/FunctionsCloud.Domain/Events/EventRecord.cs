namespace FunctionsCloud.Domain.Events;

/// <summary>
/// Something that happened to an object without anyone asking (a node went silent, came back, was lost):
/// Docker Cloud's audit events. Immutable once recorded.
/// </summary>
public sealed class EventRecord
{
    public required Guid Uuid { get; init; }
    public required string Namespace { get; init; }
    /// <summary>The kind of object, e.g. "node".</summary>
    public required string Type { get; init; }
    /// <summary>What happened to it, e.g. "update".</summary>
    public required string Action { get; init; }
    /// <summary>resource_uri of the object.</summary>
    public required string Object { get; init; }
    /// <summary>The object's state after the event (or what became of it, e.g. "Lost").</summary>
    public required string State { get; init; }
    public string Reason { get; init; } = "";
    public required DateTimeOffset Date { get; init; }
    public string? Version { get; set; }
}
