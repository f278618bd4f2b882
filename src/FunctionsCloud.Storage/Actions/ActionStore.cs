using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Storage.Connection;
using FunctionsCloud.Storage.Entities;
using FunctionsCloud.Storage.Querying;

namespace FunctionsCloud.Storage.Actions;

internal sealed class ActionStore(StorageTables tables)
    : EntityStore<ActionRecord, ActionEntity>(tables.Actions, Fields), IActionStore
{
    private static readonly QueryFields Fields = new("actions", new Dictionary<string, QueryField>
    {
        ["uuid"] = new(nameof(ActionEntity.Uuid), QueryValues.Uuid),
        ["state"] = new(nameof(ActionEntity.State), QueryValues.State<ActionState>()),
        ["object"] = new(nameof(ActionEntity.Object)),
        ["action"] = new(nameof(ActionEntity.Action)),
        ["user"] = new(nameof(ActionEntity.User)),
    });

    public async Task<ActionRecord?> FindAsync(string @namespace, string objectUri, string path, CancellationToken cancellationToken = default) =>
        (await AllWhereAsync(@namespace, TableQuery.All.Where("object", objectUri), nameof(ActionEntity.Path), "eq", path, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault();

    public Task<ActionRecord?> UpdateAsync(string @namespace, Guid uuid, Action<ActionRecord> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return UpdateAsync(@namespace, uuid, action =>
        {
            change(action);
            return true;
        }, cancellationToken);
    }
}
