using Azure;
using Azure.Data.Tables;
using FunctionsCloud.Storage.Concurrency;
using FunctionsCloud.Storage.Connection;
using FunctionsCloud.Storage.Entities;
using FunctionsCloud.Storage.Querying;

namespace FunctionsCloud.Storage.ApiKeys;

internal sealed class ApiKeyStore(StorageTables tables) : IApiKeyStore
{
    // Enough for every one of a burst of concurrent creations by one user to land or be refused, one after another.
    private const int MaxAddAttempts = 60;

    /// <summary>The version of a user's keys, in their partition; it sorts after every key hash (hex) and is none.</summary>
    private const string VersionRow = "~version";

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

    public async Task<KeyAddition> AddAsync(ApiKeyRecord key, int maxLiveKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var entity = ApiKeyEntity.From(key);
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        // An addition decided on the user's keys lands only if no other addition of theirs landed since they were read.
        return await VersionedWrite.RunAsync(client, "API keys", entity.PartitionKey, VersionRow, MaxAddAttempts, async ct =>
            Refusal(await ListAsync(key.User, ct).ConfigureAwait(false), entity, maxLiveKeys) is { } refused
                ? new VersionedWrite.Decision<KeyAddition>(refused, [])
                : new VersionedWrite.Decision<KeyAddition>(KeyAddition.Added, [new TableTransactionAction(TableTransactionActionType.Add, entity)]),
            cancellationToken).ConfigureAwait(false);
    }

    private static KeyAddition? Refusal(IReadOnlyList<ApiKeyRecord> keys, ApiKeyEntity added, int maxLiveKeys)
    {
        if (keys.Any(k => k.KeyHash == added.RowKey))
            return KeyAddition.HashTaken;
        var live = keys.Where(k => !k.Revoked).ToList();
        if (live.Any(k => string.Equals(k.Label, added.Label, StringComparison.OrdinalIgnoreCase)))
            return KeyAddition.LabelTaken;
        return live.Count >= maxLiveKeys ? KeyAddition.LimitReached : null;
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(string user, CancellationToken cancellationToken = default)
    {
        var partition = ApiKeyEntity.UserKey(user);
        if (!TableKeys.IsValid(partition))
            return [];
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        // Keys only: the version row sorts after every key hash.
        var filter = ODataFilter.And(ODataFilter.Compare("PartitionKey", "eq", partition), ODataFilter.Compare("RowKey", "lt", VersionRow));
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
