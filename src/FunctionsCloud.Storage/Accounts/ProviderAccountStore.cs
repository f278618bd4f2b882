using Azure.Data.Tables;
using FunctionsCloud.Storage.Connection;
using FunctionsCloud.Storage.Entities;
using FunctionsCloud.Storage.Querying;

namespace FunctionsCloud.Storage.Accounts;

internal sealed class ProviderAccountStore(StorageTables tables) : IProviderAccountStore
{
    private readonly StorageTable _table = tables.ProviderAccounts;

    public async Task<ProviderAccountRecord?> GetAsync(string @namespace, string provider, CancellationToken cancellationToken = default)
    {
        if (!TableKeys.IsValid(@namespace) || !TableKeys.IsValid(provider))
            return null;
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        var response = await client.GetEntityIfExistsAsync<ProviderAccountEntity>(@namespace, provider, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value!.ToRecord() : null;
    }

    public async Task<IReadOnlyList<ProviderAccountRecord>> ListAsync(string @namespace, CancellationToken cancellationToken = default)
    {
        if (!TableKeys.IsValid(@namespace))
            return [];
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        var entities = await TablePaging.AllAsync<ProviderAccountEntity>(client, ODataFilter.Compare("PartitionKey", "eq", @namespace), cancellationToken).ConfigureAwait(false);
        return entities.Select(e => e.ToRecord()).ToList();
    }

    public async Task UpsertAsync(ProviderAccountRecord account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        await client.UpsertEntityAsync(ProviderAccountEntity.From(account), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> DeleteAsync(string @namespace, string provider, CancellationToken cancellationToken = default)
    {
        if (!TableKeys.IsValid(@namespace) || !TableKeys.IsValid(provider))
            return false;
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        return await RowDeletion.DeleteIfExistsAsync(client, @namespace, provider, cancellationToken).ConfigureAwait(false);
    }
}
