using FunctionsCloud.Storage.Connection;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.Triggers;

internal sealed class TriggerSecretIndex(StorageTables tables) : ITriggerSecretIndex
{
    private readonly StorageTable _table = tables.TriggerSecrets;

    public async Task AddAsync(string secretHash, TriggerAddress address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        var entity = new TriggerSecretEntity
        {
            PartitionKey = TableKeys.Require(secretHash, nameof(secretHash)),
            Namespace = address.Namespace,
            TriggerUuid = TableKeys.Of(address.Uuid),
        };
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        await client.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
    }

    public async Task<TriggerAddress?> FindAsync(string secretHash, CancellationToken cancellationToken = default)
    {
        if (!TableKeys.IsValid(secretHash))
            return null;
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        var response = await client.GetEntityIfExistsAsync<TriggerSecretEntity>(secretHash, TriggerSecretEntity.Row, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return response.HasValue ? new TriggerAddress(response.Value!.Namespace, Guid.Parse(response.Value.TriggerUuid)) : null;
    }

    public async Task RemoveAsync(string secretHash, CancellationToken cancellationToken = default)
    {
        if (!TableKeys.IsValid(secretHash))
            return;
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        await RowDeletion.DeleteIfExistsAsync(client, secretHash, TriggerSecretEntity.Row, cancellationToken).ConfigureAwait(false);
    }
}
