using Azure;
using Azure.Data.Tables;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Storage.Concurrency;
using FunctionsCloud.Storage.Connection;
using FunctionsCloud.Storage.Entities;
using FunctionsCloud.Storage.Querying;

namespace FunctionsCloud.Storage.Liveness;

internal sealed class LivenessStore(StorageTables tables, LivenessShards shards) : ILivenessStore
{
    /// <summary>A write takes at most 3 operations (pointer, old due row, new due row).</summary>
    private const int MaxOperationsPerWrite = 3;

    private readonly IReadOnlyDictionary<string, StorageTable> _tables =
        shards.Keys.ToDictionary(shard => shard, shard => tables.Open(LivenessShards.TableName(tables.Names, shard)));

    public LivenessShards Shards => shards;

    public async Task CreateAsync(IReadOnlyCollection<NodeLiveness> nodes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var batches = nodes
            .GroupBy(n => shards.Of(n.NodeUuid))
            .SelectMany(shard => shard.Chunk(GroupedWrites.MaxOperations / 2).Select(batch => (Shard: shard.Key, Rows: batch.SelectMany(Rows).ToList())));
        await Task.WhenAll(batches.Select(async batch =>
        {
            var client = await _tables[batch.Shard].ReadyAsync().ConfigureAwait(false);
            await client.SubmitTransactionAsync(batch.Rows.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)), cancellationToken).ConfigureAwait(false);
        })).ConfigureAwait(false);
    }

    public async Task<bool> TryAddAsync(NodeLiveness node, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        var client = await TableOf(node.NodeUuid).ReadyAsync().ConfigureAwait(false);
        try
        {
            await client.SubmitTransactionAsync(Rows(node).Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<NodeLiveness?> GetAsync(string @namespace, Guid nodeUuid, CancellationToken cancellationToken = default)
    {
        var client = await TableOf(nodeUuid).ReadyAsync().ConfigureAwait(false);
        var response = await client.GetEntityIfExistsAsync<LivenessPointerEntity>(
            shards.Of(nodeUuid), LivenessKeys.Pointer(@namespace, nodeUuid), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? ToLiveness(response.Value!, @namespace, nodeUuid) : null;
    }

    public async Task<string?> TryWriteAsync(LivenessWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            // The hottest path: the raw client (no table-creation check) and exactly one request; a plain merge
            // when the pointer is all there is to write, which the table handles more cheaply than a transaction.
            var client = TableOf(write.NodeUuid).Client;
            var operations = Operations(write);
            if (operations is [{ ActionType: TableTransactionActionType.UpdateMerge } pointer])
                return (await client.UpdateEntityAsync(pointer.Entity, pointer.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false)).Headers.ETag?.ToString();
            var response = await client.SubmitTransactionAsync(operations, cancellationToken).ConfigureAwait(false);
            return response.Value[0].Headers.ETag?.ToString();
        }
        catch (RequestFailedException e) when (GroupedWrites.IsGuardFailure(e))
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<bool>> TryWriteAllAsync(IReadOnlyList<LivenessWrite> writes, CancellationToken cancellationToken = default) =>
        await GroupedWrites.RunAsync(writes, w => shards.Of(w.NodeUuid), GroupedWrites.MaxOperations / MaxOperationsPerWrite,
            (group, ct) => TableOf(group[0].NodeUuid).Client.SubmitTransactionAsync(group.SelectMany(Operations), ct),
            async (write, ct) => await TryWriteAsync(write, ct).ConfigureAwait(false) is not null,
            cancellationToken).ConfigureAwait(false);

    public async Task<NodeLiveness?> UpdateAsync(
        string @namespace, Guid nodeUuid, Func<NodeLiveness, LivenessPatch?> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var current = await GetAsync(@namespace, nodeUuid, cancellationToken).ConfigureAwait(false);
            if (current is null || change(current) is not { } patch)
                return current;
            if (await TryWriteAsync(new LivenessWrite(@namespace, nodeUuid, current.Version!, patch), cancellationToken).ConfigureAwait(false) is { } version)
                return Patched(current, patch, version);
            if (attempt == OptimisticUpdate.MaxAttempts)
                throw new ConcurrencyConflictException("node liveness", shards.Of(nodeUuid), LivenessKeys.Pointer(@namespace, nodeUuid));
            await Task.Delay(OptimisticUpdate.Backoff(attempt), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<LivenessDue>> DueAsync(string shard, DateTimeOffset until, int max, CancellationToken cancellationToken = default)
    {
        var client = await _tables[shard].ReadyAsync().ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {shard} and RowKey ge {LivenessKeys.DuePrefix} and RowKey lt {LivenessKeys.DueAfter(until)}");
        var page = await TablePaging.PageAsync<LivenessDueEntity>(client, filter, max, continuationToken: null, select: null, cancellationToken).ConfigureAwait(false);
        return page.Items.Select(ToDue).OfType<LivenessDue>().ToList();
    }

    public async Task RemoveAsync(string @namespace, Guid nodeUuid, long alsoDueTicks = 0, CancellationToken cancellationToken = default)
    {
        var pointer = await GetAsync(@namespace, nodeUuid, cancellationToken).ConfigureAwait(false);
        var client = TableOf(nodeUuid).Client;
        var shard = shards.Of(nodeUuid);
        // The pointer first: a heartbeat arriving meanwhile then finds no node rather than a half-removed one.
        if (pointer is not null)
            await client.DeleteEntityAsync(shard, LivenessKeys.Pointer(@namespace, nodeUuid), ETag.All, cancellationToken).ConfigureAwait(false);
        foreach (var ticks in new[] { pointer?.DueTicks ?? 0, alsoDueTicks }.Where(t => t != 0).Distinct())
            await client.DeleteEntityAsync(shard, LivenessKeys.Due(ticks, @namespace, nodeUuid), ETag.All, cancellationToken).ConfigureAwait(false);
    }

    public async Task<MonitorMark?> GetMonitorMarkAsync(CancellationToken cancellationToken = default)
    {
        var client = await _tables[MarkShard].ReadyAsync().ConfigureAwait(false);
        var response = await client.GetEntityIfExistsAsync<MonitorMarkEntity>(MarkShard, MonitorMarkEntity.Key, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue
            ? new MonitorMark(response.Value!.LastWorking, response.Value.WorkingSince, response.Value.ETag.ToString())
            : null;
    }

    public async Task<bool> TrySaveMonitorMarkAsync(MonitorMark mark, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mark);
        var client = await _tables[MarkShard].ReadyAsync().ConfigureAwait(false);
        var row = new MonitorMarkEntity { PartitionKey = MarkShard, LastWorking = mark.LastWorking, WorkingSince = mark.WorkingSince };
        try
        {
            if (mark.Version is null)
                await client.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            else
                await client.UpdateEntityAsync(row, new ETag(mark.Version), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (GroupedWrites.IsGuardFailure(e))
        {
            return false;
        }
    }

    /// <summary>The mark lives in the first shard, which every shard count has.</summary>
    private string MarkShard => shards.Keys[0];

    private StorageTable TableOf(Guid nodeUuid) => _tables[shards.Of(nodeUuid)];

    /// <summary>The pointer's merge first, so that its new ETag is the first answer.</summary>
    private List<TableTransactionAction> Operations(LivenessWrite write)
    {
        var shard = shards.Of(write.NodeUuid);
        var operations = new List<TableTransactionAction>(MaxOperationsPerWrite)
        {
            new(TableTransactionActionType.UpdateMerge, Pointer(shard, write), new ETag(write.IfMatch)),
        };
        if (write.Due is { } move && move.FromTicks != move.ToTicks)
        {
            if (move.FromTicks != 0)
                operations.Add(new(TableTransactionActionType.Delete,
                    new TableEntity(shard, LivenessKeys.Due(move.FromTicks, write.Namespace, write.NodeUuid)), new ETag(move.FromVersion)));
            if (move.ToTicks != 0)
                operations.Add(new(TableTransactionActionType.Add, Due(shard, write.Namespace, write.NodeUuid, move.ToTicks, move.LastSeen, move.Unreachable)));
        }

        return operations;
    }

    private IEnumerable<ITableEntity> Rows(NodeLiveness node)
    {
        var shard = shards.Of(node.NodeUuid);
        var patch = new LivenessPatch
        {
            LastSeen = node.LastSeen,
            Inventory = node.Inventory,
            Unreachable = node.Unreachable,
            Generation = node.Generation,
            SecretVersion = node.SecretVersion,
        };
        yield return Pointer(shard, new LivenessWrite(node.Namespace, node.NodeUuid, "*", patch,
            new DueMove(0, "*", node.DueTicks, node.LastSeen, node.Unreachable)));
        if (node.DueTicks != 0)
            yield return Due(shard, node.Namespace, node.NodeUuid, node.DueTicks, node.LastSeen, node.Unreachable);
    }

    private static LivenessPointerEntity Pointer(string shard, LivenessWrite write) => new()
    {
        PartitionKey = shard,
        RowKey = LivenessKeys.Pointer(write.Namespace, write.NodeUuid),
        LastSeen = write.Patch.LastSeen,
        Cpu = write.Patch.Inventory?.Cpu,
        Memory = write.Patch.Inventory?.MemoryMb,
        Disk = write.Patch.Inventory?.DiskGb,
        DockerVersion = write.Patch.Inventory?.DockerVersion,
        Unreachable = write.Patch.Unreachable,
        Generation = write.Patch.Generation,
        SecretVersion = write.Patch.SecretVersion,
        EngineUpgrade = write.Patch.EngineUpgrade is { } upgrade ? (upgrade == Guid.Empty ? "" : upgrade.ToString("D")) : null,
        DueTicks = write.Due?.ToTicks,
    };

    private static LivenessDueEntity Due(string shard, string @namespace, Guid nodeUuid, long ticks, DateTimeOffset lastSeen, bool unreachable) => new()
    {
        PartitionKey = shard,
        RowKey = LivenessKeys.Due(ticks, @namespace, nodeUuid),
        LastSeen = lastSeen,
        Unreachable = unreachable,
    };

    private static NodeLiveness ToLiveness(LivenessPointerEntity row, string @namespace, Guid nodeUuid) => new()
    {
        Namespace = @namespace,
        NodeUuid = nodeUuid,
        LastSeen = row.LastSeen ?? default,
        Inventory = row.Cpu is { } cpu ? new NodeInventory(cpu, row.Memory ?? 0, row.Disk ?? 0, row.DockerVersion) : null,
        Unreachable = row.Unreachable ?? false,
        Generation = row.Generation ?? 0,
        SecretVersion = row.SecretVersion ?? 1,
        EngineUpgrade = Guid.TryParse(row.EngineUpgrade, out var upgrade) ? upgrade : null,
        DueTicks = row.DueTicks ?? 0,
        Version = row.ETag.ToString(),
    };

    private static NodeLiveness Patched(NodeLiveness current, LivenessPatch patch, string version) => current with
    {
        LastSeen = patch.LastSeen ?? current.LastSeen,
        Inventory = patch.Inventory ?? current.Inventory,
        Unreachable = patch.Unreachable ?? current.Unreachable,
        Generation = patch.Generation ?? current.Generation,
        SecretVersion = patch.SecretVersion ?? current.SecretVersion,
        EngineUpgrade = patch.EngineUpgrade is { } upgrade ? (upgrade == Guid.Empty ? null : upgrade) : current.EngineUpgrade,
        Version = version,
    };

    private static LivenessDue? ToDue(LivenessDueEntity row) =>
        LivenessKeys.TryParseDue(row.RowKey, out var ticks, out var @namespace, out var nodeUuid)
            ? new LivenessDue(@namespace, nodeUuid, ticks, row.LastSeen, row.Unreachable, row.ETag.ToString())
            : null;
}
