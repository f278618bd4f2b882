using FunctionsCloud.Storage.Connection;
using FunctionsCloud.Storage.Entities;
using FunctionsCloud.Storage.RateLimits;

namespace FunctionsCloud.Storage.Triggers;

/// <summary>A trigger's calls per minute (<see cref="MinuteCounts"/>), partitioned by the trigger's uuid.</summary>
internal sealed class TriggerCallCounter(StorageTables tables) : ITriggerCallCounter
{
    private readonly StorageTable _table = tables.TriggerCalls;

    public async Task ForgetAsync(Guid triggerUuid, CancellationToken cancellationToken = default)
    {
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        await MinuteCounts.ForgetAsync(client, TableKeys.Of(triggerUuid), cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> TryCountAsync(Guid triggerUuid, DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        var client = await _table.ReadyAsync().ConfigureAwait(false);
        return await MinuteCounts.TryCountAsync(client, TableKeys.Of(triggerUuid), now, limit, cancellationToken).ConfigureAwait(false);
    }
}
