using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Storage.Actions;

namespace FunctionsCloud.Application.Actions;

public sealed class ActionService(IActionStore actions)
{
    public IReadOnlySet<string> FilterableFields => actions.QueryableFields;

    public async Task<(IReadOnlyList<ActionResource> Items, int Total)> ListAsync(Caller caller, ListRequest request, CancellationToken cancellationToken)
    {
        var page = await actions.ListAsync(caller.Namespace, request.ToQuery(), request.Offset, request.Limit, cancellationToken);
        return (page.Items.Select(ActionResource.From).ToList(), page.TotalCount);
    }

    public async Task<ActionResource> GetAsync(Caller caller, Guid uuid, CancellationToken cancellationToken) =>
        ActionResource.From(await actions.GetAsync(caller.Namespace, uuid, cancellationToken)
            ?? throw new ResourceNotFoundException("action", uuid.ToString()));
}
