using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Storage.Actions;

namespace FunctionsCloud.Application.Actions;

public sealed class ActionService(IActionStore actions, IEnumerable<IActionOperations> families)
{
    public IReadOnlySet<string> FilterableFields => actions.QueryableFields;

    public async Task<(IReadOnlyList<ActionResource> Items, int Total)> ListAsync(Caller caller, ListRequest request, CancellationToken cancellationToken)
    {
        var page = await actions.ListAsync(caller.Namespace, request.ToQuery(), request.Offset, request.Limit, cancellationToken);
        var items = new List<ActionResource>();
        foreach (var action in page.Items)
            items.Add(await ToResourceAsync(action, cancellationToken));
        return (items, page.TotalCount);
    }

    public async Task<ActionResource> GetAsync(Caller caller, Guid uuid, CancellationToken cancellationToken) =>
        await ToResourceAsync(await actions.GetAsync(caller.Namespace, uuid, cancellationToken)
            ?? throw new ResourceNotFoundException("action", uuid.ToString()), cancellationToken);

    /// <summary>
    /// The stored can_be_retried says the operation ended short and was not retried yet; whether its object is
    /// still there to run it on is looked up as it is read (only for those few actions).
    /// </summary>
    private async Task<ActionResource> ToResourceAsync(ActionRecord action, CancellationToken cancellationToken)
    {
        var resource = ActionResource.From(action);
        if (!action.CanBeRetried || families.FirstOrDefault(f => f.Tracks(action)) is not { } family)
            return resource with { CanBeRetried = false };
        return resource with { CanBeRetried = await family.RetryRefusalAsync(action, cancellationToken) is null };
    }
}
