using FunctionsCloud.Domain.Triggers;
using FunctionsCloud.Storage.Connection;
using FunctionsCloud.Storage.Entities;
using FunctionsCloud.Storage.Querying;

namespace FunctionsCloud.Storage.Triggers;

internal sealed class TriggerStore(StorageTables tables)
    : EntityStore<Trigger, TriggerEntity>(tables.Triggers, Fields), ITriggerStore
{
    private static readonly QueryFields Fields = new("triggers", new Dictionary<string, QueryField>
    {
        ["uuid"] = new("RowKey", QueryValues.Uuid),
        ["name"] = new(nameof(TriggerEntity.Name)),
        ["operation"] = new(nameof(TriggerEntity.Operation), QueryValues.State<TriggerOperation>()),
        [ITriggerStore.ServiceField] = new(nameof(TriggerEntity.ServiceUuid), QueryValues.Uuid),
    });

    public Task<IReadOnlyList<Trigger>> ListByServiceAsync(string @namespace, Guid serviceUuid, CancellationToken cancellationToken = default) =>
        AllAsync(@namespace, TableQuery.All.Where(ITriggerStore.ServiceField, TableKeys.Of(serviceUuid)), cancellationToken);

    public async Task<bool> DeleteAsync(string @namespace, Guid uuid, CancellationToken cancellationToken = default)
    {
        if (!TableKeys.IsValid(@namespace))
            return false;
        var client = await Table.ReadyAsync().ConfigureAwait(false);
        return await RowDeletion.DeleteIfExistsAsync(client, @namespace, TableKeys.Of(uuid), cancellationToken).ConfigureAwait(false);
    }
}
