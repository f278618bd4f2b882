using FunctionsCloud.Storage.Connection;
using FunctionsCloud.Storage.RateLimits;

namespace FunctionsCloud.Storage.ApiKeys;

/// <summary>
/// Key creations per user and minute (<see cref="MinuteCounts"/>), in the keys' table under a partition of the user's
/// own that no key row uses (user names have no '~'): one read and one write per key made.
/// </summary>
internal sealed class ApiKeyCreationCounter(StorageTables tables) : IApiKeyCreationCounter
{
    private readonly StorageTable _table = tables.ApiKeys;

    public async Task<bool> TryCountAsync(string user, DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        var partition = "~creations~" + ApiKeyEntity.UserKey(user);
        return await MinuteCounts.TryCountAsync(client, partition, now, limit, cancellationToken).ConfigureAwait(false);
    }
}
