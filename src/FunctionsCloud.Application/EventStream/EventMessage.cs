using System.Text.Json.Serialization;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Domain.Changes;

namespace FunctionsCloud.Application.EventStream;

/// <summary>
/// A change as Docker Cloud's event stream sent it: <c>{type, action, state, resource_uri, parents, uuid, datetime}</c>
/// (uuid the object's, datetime RFC 1123), plus <c>id</c>, the event's place in the namespace's stream: sent back as
/// <c>Last-Event-ID</c> or <c>after</c>, it resumes right after this event.
/// </summary>
public sealed record EventMessage(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("resource_uri")] string ResourceUri,
    [property: JsonPropertyName("parents")] IReadOnlyList<string> Parents,
    [property: JsonPropertyName("uuid")] Guid Uuid,
    [property: JsonPropertyName("datetime")] string Datetime,
    [property: JsonPropertyName("id")] string Id)
{
    public static EventMessage From(ObjectChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new(change.Type, change.Action, change.State, change.ResourceUri, change.Parents, change.Uuid,
            ApiJson.Rfc1123DateConverter.Write(change.Datetime), EventId.Of(change.Sequence));
    }
}
