using Azure.Data.Tables;
using FunctionsCloud.Domain.NodeClusters;
using FunctionsCloud.Storage.Concurrency;
using FunctionsCloud.Storage.Entities;
using FunctionsCloud.Storage.Tests.Support;
using FunctionsCloud.Testing;

namespace FunctionsCloud.Storage.Tests.NodeClusters;

[Collection(AzuriteCollection.Name)]
public sealed class NodeClusterStoreTests
{
    private readonly TestStorage _storage = new(AzuriteFixture.UniquePrefix());

    [Fact]
    public async Task Every_field_round_trips()
    {
        var cluster = Samples.Cluster();
        PropertyAssert.NoDefaults(cluster, nameof(NodeCluster.Version));

        await _storage.NodeClusters.CreateAsync(cluster);
        var stored = await _storage.NodeClusters.GetAsync(cluster.Namespace, cluster.Uuid);

        Assert.NotNull(stored);
        Assert.False(string.IsNullOrEmpty(cluster.Version));
        PropertyAssert.AllEqual(cluster, stored);
    }

    [Fact]
    public async Task Rows_hold_wire_names_json_tags_and_typed_dates()
    {
        var cluster = Samples.Cluster();
        await _storage.NodeClusters.CreateAsync(cluster);

        var row = (await _storage.Raw(_storage.Names.NodeClusters).GetEntityAsync<TableEntity>(cluster.Namespace, cluster.Uuid.ToString("D"))).Value;

        Assert.Equal("Partly deployed", row["State"]);
        Assert.Equal("""["web","prod \u0022eu\u0022"]""", row["Tags"]);
        Assert.IsType<DateTimeOffset>(row["DeployedDatetime"]);
        Assert.Equal(cluster.ActiveAction!.Value.ToString("D"), row["ActiveAction"]);
    }

    [Fact]
    public async Task Unset_optional_values_round_trip_as_unset()
    {
        var cluster = new NodeCluster { Uuid = Guid.NewGuid(), Namespace = Samples.Namespace, Name = "bare", Provider = "aws", Region = "us-east-1", NodeType = "t3.small" };

        await _storage.NodeClusters.CreateAsync(cluster);
        var stored = await _storage.NodeClusters.GetAsync(cluster.Namespace, cluster.Uuid);

        Assert.NotNull(stored);
        PropertyAssert.AllEqual(cluster, stored);
        Assert.Equal(NodeClusterState.Init, stored.State);
        Assert.Empty(stored.Tags);
        Assert.Null(stored.ActiveAction);
        Assert.Equal(default, stored.CreatedDatetime);
    }

    [Fact]
    public async Task A_duplicate_uuid_is_refused()
    {
        var cluster = Samples.Cluster();
        await _storage.NodeClusters.CreateAsync(cluster);

        var error = await Assert.ThrowsAsync<EntityAlreadyExistsException>(() => _storage.NodeClusters.CreateAsync(Samples.Cluster(uuid: cluster.Uuid)));
        Assert.Equal(cluster.Uuid.ToString("D"), error.RowKey);
    }

    [Fact]
    public async Task Get_of_an_absent_cluster_is_null()
    {
        Assert.Null(await _storage.NodeClusters.GetAsync(Samples.Namespace, Guid.NewGuid()));
        Assert.Null(await _storage.NodeClusters.GetAsync("not/a/key", Guid.NewGuid()));
    }

    [Fact]
    public async Task Update_replaces_the_row_and_sets_the_new_version()
    {
        var cluster = Samples.Cluster();
        await _storage.NodeClusters.CreateAsync(cluster);
        var created = cluster.Version;

        cluster.TargetNumNodes = 7;
        cluster.ActiveAction = null;
        cluster.MoveTo(NodeClusterState.Scaling);
        await _storage.NodeClusters.UpdateAsync(cluster);

        Assert.NotEqual(created, cluster.Version);
        var stored = await _storage.NodeClusters.GetAsync(cluster.Namespace, cluster.Uuid);
        PropertyAssert.AllEqual(cluster, stored);
    }

    [Fact]
    public async Task The_first_of_two_concurrent_updates_wins_and_the_second_conflicts()
    {
        var cluster = Samples.Cluster();
        await _storage.NodeClusters.CreateAsync(cluster);
        var first = (await _storage.NodeClusters.GetAsync(cluster.Namespace, cluster.Uuid))!;
        var second = (await _storage.NodeClusters.GetAsync(cluster.Namespace, cluster.Uuid))!;

        first.TargetNumNodes = 5;
        await _storage.NodeClusters.UpdateAsync(first);
        second.TargetNumNodes = 9;
        second.Nickname = "lost";

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _storage.NodeClusters.UpdateAsync(second));
        var stored = await _storage.NodeClusters.GetAsync(cluster.Namespace, cluster.Uuid);
        PropertyAssert.AllEqual(first, stored);
    }

    [Fact]
    public async Task Update_without_a_version_is_refused()
    {
        var cluster = Samples.Cluster();

        await Assert.ThrowsAsync<InvalidOperationException>(() => _storage.NodeClusters.UpdateAsync(cluster));
    }

    [Fact]
    public async Task Update_of_a_deleted_row_says_it_is_gone()
    {
        var cluster = Samples.Cluster();
        await _storage.NodeClusters.CreateAsync(cluster);
        await _storage.Raw(_storage.Names.NodeClusters).DeleteEntityAsync(cluster.Namespace, cluster.Uuid.ToString("D"));

        await Assert.ThrowsAsync<EntityNotFoundException>(() => _storage.NodeClusters.UpdateAsync(cluster));
    }

    [Fact]
    public async Task The_optimistic_update_retries_after_a_conflict_and_both_changes_land()
    {
        var cluster = Samples.Cluster();
        await _storage.NodeClusters.CreateAsync(cluster);
        var attempts = 0;

        var updated = await _storage.NodeClusters.UpdateAsync(cluster.Namespace, cluster.Uuid, c =>
        {
            if (++attempts == 1)
            {
                // Someone else writes between this update's read and its write.
                Task.Run(() => _storage.NodeClusters.UpdateAsync(cluster.Namespace, cluster.Uuid, other =>
                {
                    other.TargetNumNodes = 9;
                    return true;
                })).GetAwaiter().GetResult();
            }

            c.Nickname = "renamed";
            return true;
        });

        Assert.Equal(2, attempts);
        var stored = await _storage.NodeClusters.GetAsync(cluster.Namespace, cluster.Uuid);
        Assert.Equal(9, stored!.TargetNumNodes);
        Assert.Equal("renamed", stored.Nickname);
        Assert.Equal(stored.Version, updated!.Version);
    }

    [Fact]
    public async Task The_optimistic_update_writes_nothing_when_the_change_declines()
    {
        var cluster = Samples.Cluster();
        await _storage.NodeClusters.CreateAsync(cluster);

        var result = await _storage.NodeClusters.UpdateAsync(cluster.Namespace, cluster.Uuid, _ => false);

        Assert.Equal(cluster.Version, result!.Version);
        Assert.Equal(cluster.Version, (await _storage.NodeClusters.GetAsync(cluster.Namespace, cluster.Uuid))!.Version);
    }

    [Fact]
    public async Task The_optimistic_update_of_an_absent_cluster_is_null()
    {
        var called = false;

        var result = await _storage.NodeClusters.UpdateAsync(Samples.Namespace, Guid.NewGuid(), _ => called = true);

        Assert.Null(result);
        Assert.False(called);
    }
}
