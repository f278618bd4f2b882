using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Storage.Events;

namespace FunctionsCloud.Application.Events;

/// <summary>The audit events of the caller's namespace, newest first.</summary>
public sealed class EventService(IEventStore events)
{
    public IReadOnlySet<string> FilterableFields => events.QueryableFields;

    public async Task<(IReadOnlyList<EventResource> Items, int Total)> ListAsync(Caller caller, ListRequest request, CancellationToken cancellationToken)
    {
        var page = await events.ListAsync(caller.Namespace, request.ToQuery(), request.Offset, request.Limit, cancellationToken);
        return (page.Items.Select(EventResource.From).ToList(), page.TotalCount);
    }

    public async Task<EventResource> GetAsync(Caller caller, Guid uuid, CancellationToken cancellationToken) =>
        EventResource.From(await events.GetAsync(caller.Namespace, uuid, cancellationToken)
            ?? throw new ResourceNotFoundException("event", uuid.ToString()));
}
