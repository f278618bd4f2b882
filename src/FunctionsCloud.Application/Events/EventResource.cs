using FunctionsCloud.Domain.Events;
using Uris = FunctionsCloud.Domain.Resources.ResourceUris;

namespace FunctionsCloud.Application.Events;

public sealed record EventResource(
    Guid Uuid,
    string ResourceUri,
    string Type,
    string Action,
    string Object,
    string State,
    string Reason,
    DateTimeOffset Date)
{
    public static EventResource From(EventRecord e) =>
        new(e.Uuid, Uris.Event(e.Uuid), e.Type, e.Action, e.Object, e.State, e.Reason, e.Date);
}
