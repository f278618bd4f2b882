namespace FunctionsCloud.Client.Resources;

/// <summary>
/// A change of an object, as Docker Cloud's event stream told it: its kind (<c>type</c>: nodecluster, node, service,
/// container, action), <c>action</c> (create, update, delete), its <c>state</c> after the change, the objects it belongs
/// to (<c>parents</c>), and <c>id</c>, the event's place in the stream (resume after it with it).
/// </summary>
public sealed record ObjectEvent(
    string Type, string Action, string State, string ResourceUri, IReadOnlyList<string> Parents, Guid Uuid, DateTimeOffset Datetime, string Id);
