using Azure.Data.Tables;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Storage.Liveness;
using FunctionsCloud.Storage.Tests.Support;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Storage;

namespace FunctionsCloud.Storage.Tests.Liveness;

[Collection(AzuriteCollection.Name)]
public sealed class LivenessStoreTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);
    private static readonly NodeInventory Inventory = new(2, 4096, 60, "27.1.0");
    private readonly string _prefix = AzuriteFixture.UniquePrefix();
    private readonly TestStorage _storage;

    public LivenessStoreTests() => _storage = new TestStorage(_prefix);

    [Fact]
    public async Task A_beat_is_one_transaction_request_and_no_read()
    {
        var pointer = await WatchedAsync(Guid.NewGuid(), Now);
        // A fresh process: new clients on the same tables, nothing created or read yet.
        var counter = new RequestCounter();
        var counted = new TestStorage(_prefix, counter);

        var version = await counted.Liveness.TryWriteAsync(Beat(pointer, pointer.Version!, Now.AddSeconds(10)));

        var request = Assert.Single(counter.Requests);
        Assert.Equal("POST", request.Method);
        Assert.EndsWith("$batch", request.Uri.AbsolutePath, StringComparison.Ordinal);
        var stored = (await _storage.Liveness.GetAsync(pointer.Namespace, pointer.NodeUuid))!;
        Assert.Equal(version, stored.Version);
        Assert.Equal(Now.AddSeconds(10), stored.LastSeen);
        Assert.Equal(Deadline(Now.AddSeconds(10)), stored.DueTicks);
        Assert.Equal([Deadline(Now.AddSeconds(10))], await DueTicksAsync(pointer));
    }

    [Fact]
    public async Task A_beat_against_a_pointer_that_changed_writes_nothing()
    {
        var pointer = await WatchedAsync(Guid.NewGuid(), Now);
        Assert.NotNull(await _storage.Liveness.TryWriteAsync(Beat(pointer, pointer.Version!, Now.AddSeconds(10))));

        var stale = await _storage.Liveness.TryWriteAsync(Beat(pointer, pointer.Version!, Now.AddSeconds(20)));

        Assert.Null(stale);
        Assert.Equal(Now.AddSeconds(10), (await _storage.Liveness.GetAsync(pointer.Namespace, pointer.NodeUuid))!.LastSeen);
        Assert.Equal([Deadline(Now.AddSeconds(10))], await DueTicksAsync(pointer));
    }

    [Fact]
    public async Task A_beat_for_a_node_without_pointer_fails_and_creates_no_row()
    {
        await WatchedAsync(Guid.NewGuid(), Now); // the table exists
        var missing = new NodeLiveness { Namespace = "alice", NodeUuid = Guid.NewGuid(), LastSeen = Now, DueTicks = Deadline(Now) };

        Assert.Null(await _storage.Liveness.TryWriteAsync(Beat(missing, "*", Now.AddSeconds(10))));
        Assert.Null(await _storage.Liveness.GetAsync(missing.Namespace, missing.NodeUuid));
        Assert.Empty(await DueTicksAsync(missing));
    }

    [Fact]
    public async Task A_beat_without_docker_version_keeps_the_stored_one_and_other_columns()
    {
        var pointer = await WatchedAsync(Guid.NewGuid(), Now);
        await _storage.Liveness.UpdateAsync(pointer.Namespace, pointer.NodeUuid, p => new LivenessPatch { Generation = 4, SecretVersion = 2 });
        var current = (await _storage.Liveness.GetAsync(pointer.Namespace, pointer.NodeUuid))!;

        var write = Beat(current, current.Version!, Now.AddSeconds(10)) with
        {
            Patch = new LivenessPatch { LastSeen = Now.AddSeconds(10), Inventory = Inventory with { Cpu = 8, DockerVersion = null } },
        };
        Assert.NotNull(await _storage.Liveness.TryWriteAsync(write));

        var stored = (await _storage.Liveness.GetAsync(pointer.Namespace, pointer.NodeUuid))!;
        Assert.Equal((8, "27.1.0"), (stored.Inventory!.Cpu, stored.Inventory.DockerVersion));
        Assert.Equal((4, 2), (stored.Generation, stored.SecretVersion));
    }

    [Fact]
    public async Task The_due_query_reads_only_the_rows_whose_deadline_has_passed()
    {
        var fresh = Enumerable.Range(0, 300).Select(_ => Node(Guid.NewGuid(), Now));
        var stale = Enumerable.Range(0, 7).Select(i => Node(Guid.NewGuid(), Now.AddMinutes(-5).AddSeconds(i))).ToList();
        await _storage.Liveness.CreateAsync([.. fresh, .. stale]);
        var reads = new EntityReadCounter();
        var counted = new TestStorage(_prefix, reads: reads);
        foreach (var shard in counted.Liveness.Shards.Keys)
            await counted.Liveness.DueAsync(shard, DateTimeOffset.UnixEpoch, 1); // each shard table's once-per-process check
        reads.Clear();

        var due = new List<LivenessDue>();
        foreach (var shard in counted.Liveness.Shards.Keys)
            due.AddRange(await counted.Liveness.DueAsync(shard, Now.AddSeconds(-1), 1000));

        Assert.Equal(stale.Select(n => n.NodeUuid).Order(), due.Select(d => d.NodeUuid).Order());
        Assert.Equal(stale.Count, reads.Entities);
        Assert.Equal(counted.Liveness.Shards.Count, reads.Requests);
        Assert.All(due, d => Assert.Equal(stale.Single(n => n.NodeUuid == d.NodeUuid).LastSeen, d.LastSeen));
    }

    [Fact]
    public async Task Writes_of_one_shard_go_in_one_transaction_and_one_that_lost_its_race_does_not_stop_the_others()
    {
        // Uuids ending in the same hex digit share a shard.
        var nodes = Enumerable.Range(0, 5).Select(i => Node(Guid.Parse($"{i:x8}-0000-4000-8000-00000000000a"), Now.AddMinutes(-1))).ToList();
        await _storage.Liveness.CreateAsync(nodes);
        var due = await _storage.Liveness.DueAsync(_storage.Liveness.Shards.Of(nodes[0].NodeUuid), Now, 1000);
        Assert.Equal(5, due.Count);
        // Node 2 beats before the claims land: its due row is gone, so its claim must fail alone.
        var raced = due.Single(d => d.NodeUuid == nodes[2].NodeUuid);
        var pointer = (await _storage.Liveness.GetAsync(raced.Namespace, raced.NodeUuid))!;
        Assert.NotNull(await _storage.Liveness.TryWriteAsync(Beat(pointer, pointer.Version!, Now)));
        var counter = new RequestCounter();
        var counted = new TestStorage(_prefix, counter);

        var claims = due.Select(d => new LivenessWrite(d.Namespace, d.NodeUuid, "*", new LivenessPatch { Unreachable = true },
            new DueMove(d.DueTicks, d.Version, d.DueTicks + TimeSpan.TicksPerMinute, d.LastSeen, true))).ToList();
        var written = await counted.Liveness.TryWriteAllAsync(claims);

        Assert.Equal(due.Select(d => d.NodeUuid != raced.NodeUuid), written);
        Assert.Equal(1 + due.Count, counter.Requests.Count); // the group, then each alone
        Assert.False((await _storage.Liveness.GetAsync(raced.Namespace, raced.NodeUuid))!.Unreachable);
        Assert.True((await _storage.Liveness.GetAsync(nodes[0].Namespace, nodes[0].NodeUuid))!.Unreachable);
    }

    [Fact]
    public async Task Removing_a_node_takes_its_pointer_and_due_row_and_minds_no_missing_rows()
    {
        var pointer = await WatchedAsync(Guid.NewGuid(), Now);

        await _storage.Liveness.RemoveAsync(pointer.Namespace, pointer.NodeUuid);
        await _storage.Liveness.RemoveAsync(pointer.Namespace, pointer.NodeUuid, alsoDueTicks: pointer.DueTicks);

        Assert.Null(await _storage.Liveness.GetAsync(pointer.Namespace, pointer.NodeUuid));
        Assert.Empty(await DueTicksAsync(pointer));
    }

    [Fact]
    public async Task An_update_reads_changes_and_writes_with_the_pointers_etag()
    {
        var pointer = await WatchedAsync(Guid.NewGuid(), Now);

        var bumped = await _storage.Liveness.UpdateAsync(pointer.Namespace, pointer.NodeUuid, p => new LivenessPatch { Generation = p.Generation + 1 });
        var unchanged = await _storage.Liveness.UpdateAsync(pointer.Namespace, pointer.NodeUuid, _ => null);

        Assert.Equal(1, bumped!.Generation);
        Assert.NotEqual(pointer.Version, bumped.Version);
        Assert.Equal(bumped, unchanged);
        Assert.Null(await _storage.Liveness.UpdateAsync("alice", Guid.NewGuid(), _ => new LivenessPatch()));
    }

    [Fact]
    public async Task Two_registrations_of_one_node_at_once_write_its_rows_once()
    {
        var uuid = Guid.NewGuid();

        var added = await Task.WhenAll(_storage.Liveness.TryAddAsync(Node(uuid, Now)), _storage.Liveness.TryAddAsync(Node(uuid, Now.AddSeconds(3))));

        Assert.Equal(1, added.Count(a => a));
        var stored = (await _storage.Liveness.GetAsync("alice", uuid))!;
        Assert.Equal([stored.DueTicks], await DueTicksAsync(stored)); // no stranded due row
        Assert.False(await _storage.Liveness.TryAddAsync(Node(uuid, Now.AddSeconds(9))));
        Assert.Equal(stored.Version, (await _storage.Liveness.GetAsync("alice", uuid))!.Version);
    }

    private static long Deadline(DateTimeOffset lastSeen) => lastSeen.AddSeconds(45).UtcTicks;

    private static NodeLiveness Node(Guid uuid, DateTimeOffset lastSeen) => new()
    {
        Namespace = "alice",
        NodeUuid = uuid,
        LastSeen = lastSeen,
        Inventory = Inventory,
        DueTicks = Deadline(lastSeen),
    };

    private async Task<NodeLiveness> WatchedAsync(Guid uuid, DateTimeOffset lastSeen)
    {
        await _storage.Liveness.CreateAsync([Node(uuid, lastSeen)]);
        return (await _storage.Liveness.GetAsync("alice", uuid))!;
    }

    private static LivenessWrite Beat(NodeLiveness pointer, string ifMatch, DateTimeOffset at) =>
        new(pointer.Namespace, pointer.NodeUuid, ifMatch, new LivenessPatch { LastSeen = at, Inventory = Inventory, Unreachable = false },
            new DueMove(pointer.DueTicks, "*", Deadline(at), at, false));

    /// <summary>The deadlines of the node's due rows, as stored.</summary>
    private async Task<List<long>> DueTicksAsync(NodeLiveness node)
    {
        var shard = _storage.Liveness.Shards.Of(node.NodeUuid);
        var rows = _storage.Raw(LivenessShards.TableName(_storage.Names, shard)).QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {shard} and RowKey ge {"due|"} and RowKey lt {"due}"}"));
        var ticks = new List<long>();
        await foreach (var row in rows)
        {
            if (row.RowKey.EndsWith(node.NodeUuid.ToString("D"), StringComparison.Ordinal))
                ticks.Add(long.Parse(row.RowKey.Split('|')[1]));
        }

        return ticks;
    }
}
