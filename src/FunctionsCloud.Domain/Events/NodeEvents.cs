using FunctionsCloud.Domain.Identifiers;
using FunctionsCloud.Domain.Resources;

namespace FunctionsCloud.Domain.Events;

/// <summary>The events of a node's liveness: it went silent, came back, or was given up as lost.</summary>
public static class NodeEvents
{
    public const string Type = "node";
    public const string Update = "update";
    /// <summary>Not a node state: the node stays Unreachable, but its containers are handed elsewhere.</summary>
    public const string Lost = "Lost";

    /// <param name="state">The node's state after the event, by wire name ("Unreachable"), or <see cref="Lost"/>.</param>
    public static EventRecord For(string @namespace, Guid nodeUuid, string state, string reason, DateTimeOffset at) => new()
    {
        // Newest first in the table, so that lists show the latest events first.
        Uuid = Uuid4.NewestFirst(at),
        Namespace = @namespace,
        Type = Type,
        Action = Update,
        Object = ResourceUris.Node(nodeUuid),
        State = state,
        Reason = reason,
        Date = at,
    };
}
