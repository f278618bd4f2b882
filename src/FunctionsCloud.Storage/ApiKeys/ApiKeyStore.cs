using Azure;
using Azure.Data.Tables;
using FunctionsCloud.Storage.Connection;
using FunctionsCloud.Storage.Entities;
using FunctionsCloud.Storage.Querying;

namespace FunctionsCloud.Storage.ApiKeys;

internal sealed class ApiKeyStore(StorageTables tables) : IApiKeyStore
{
    private readonly StorageTable _table = tables.ApiKeys;

    public async Task<ApiKeyRecord?> FindAsync(string user, string keyHash, CancellationToken cancellationToken = default)
    {
        // Both come from a request's credentials: keys the service would reject simply match nothing.
        var (partition, row) = (ApiKeyEntity.UserKey(user), ApiKeyEntity.HashKey(keyHash));
        if (!TableKeys.IsValid(partition) || !TableKeys.IsValid(row))
            return null;
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        var response = await client.GetEntityIfExistsAsync<ApiKeyEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value!.ToRecord() : null;
    }

    public async Task UpsertAsync(ApiKeyRecord key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var entity = ApiKeyEntity.From(key);
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        await client.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> AddAsync(ApiKeyRecord key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        try
        {
            await client.AddEntityAsync(ApiKeyEntity.From(key), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(string user, CancellationToken cancellationToken = default)
    {
        var partition = ApiKeyEntity.UserKey(user);
        if (!TableKeys.IsValid(partition))
            return [];
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        var filter = ODataFilter.Compare("PartitionKey", "eq", partition);
        var entities = await TablePaging.AllAsync<ApiKeyEntity>(client, filter, cancellationToken).ConfigureAwait(false);
        return entities.Select(e => e.ToRecord()).ToList();
    }

    public async Task RecordUseAsync(string user, string keyHash, DateTimeOffset usedAt, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(ApiKeyEntity.UserKey(user), ApiKeyEntity.HashKey(keyHash)) { [nameof(ApiKeyEntity.LastUsedAt)] = usedAt };
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        try
        {
            // A merge only where the row is: an upsert would bring back a deleted key as a row with no namespace.
            await client.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    public async Task<string> RevocationGenerationAsync(CancellationToken cancellationToken = default)
    {
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        var response = await client.GetEntityIfExistsAsync<RevocationGenerationEntity>(
            RevocationGenerationEntity.Partition, RevocationGenerationEntity.Row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value!.Generation : "";
    }

    public async Task BumpRevocationGenerationAsync(CancellationToken cancellationToken = default)
    {
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        // A fresh value, not a counter: concurrent revocations each change it without reading it first.
        var entity = new RevocationGenerationEntity { Generation = Guid.NewGuid().ToString("N") };
        await client.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }
}
