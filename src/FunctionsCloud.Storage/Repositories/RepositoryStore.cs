using Azure;
using Azure.Data.Tables;
using FunctionsCloud.Storage.Connection;
using FunctionsCloud.Storage.Entities;
using FunctionsCloud.Storage.Querying;

namespace FunctionsCloud.Storage.Repositories;

internal sealed class RepositoryStore(StorageTables tables) : IRepositoryStore
{
    private readonly StorageTable _table = tables.Repositories;

    public async Task<RepositoryRecord?> GetAsync(string @namespace, string canonical, CancellationToken cancellationToken = default)
    {
        var key = RepositoryEntity.KeyOf(canonical);
        if (!TableKeys.IsValid(@namespace) || !TableKeys.IsValid(key))
            return null;
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        var response = await client.GetEntityIfExistsAsync<RepositoryEntity>(@namespace, key, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value!.ToRecord() : null;
    }

    public async Task<IReadOnlyList<RepositoryRecord>> ListAsync(string @namespace, CancellationToken cancellationToken = default)
    {
        if (!TableKeys.IsValid(@namespace))
            return [];
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        var entities = await TablePaging.AllAsync<RepositoryEntity>(client, ODataFilter.Compare("PartitionKey", "eq", @namespace), cancellationToken).ConfigureAwait(false);
        return entities.Select(e => e.ToRecord()).ToList();
    }

    public async Task<bool> TryAddAsync(RepositoryRecord repository, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        try
        {
            await client.AddEntityAsync(RepositoryEntity.From(repository), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task ReplaceAsync(RepositoryRecord repository, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        await client.UpsertEntityAsync(RepositoryEntity.From(repository), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> DeleteAsync(string @namespace, string canonical, CancellationToken cancellationToken = default)
    {
        var key = RepositoryEntity.KeyOf(canonical);
        if (!TableKeys.IsValid(@namespace) || !TableKeys.IsValid(key))
            return false;
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        return await RowDeletion.DeleteIfExistsAsync(client, @namespace, key, cancellationToken).ConfigureAwait(false);
    }
}
