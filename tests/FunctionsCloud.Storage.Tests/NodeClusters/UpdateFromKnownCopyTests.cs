using FunctionsCloud.Storage.Tests.Support;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Storage;

namespace FunctionsCloud.Storage.Tests.NodeClusters;

/// <summary>An optimistic update that starts from a copy already in hand (any store; node clusters here).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class UpdateFromKnownCopyTests
{
    private readonly EntityReadCounter _reads = new();
    private readonly TestStorage _storage;

    public UpdateFromKnownCopyTests() => _storage = new TestStorage(AzuriteFixture.UniquePrefix(), reads: _reads);

    [Fact]
    public async Task A_current_copy_is_written_without_a_read()
    {
        var cluster = Samples.Cluster();
        await _storage.NodeClusters.CreateAsync(cluster);
        _reads.Clear();

        var updated = await _storage.NodeClusters.UpdateAsync(cluster.Namespace, cluster.Uuid, cluster, c => (c.TargetNumNodes = 6) > 0);

        // No read: the write beside its change, the change's append to the log, the outbox row's delete.
        Assert.Equal((0, 3), (_reads.Entities, _reads.Requests));
        Assert.Equal(6, (await _storage.NodeClusters.GetAsync(cluster.Namespace, cluster.Uuid))!.TargetNumNodes);
        Assert.Same(cluster, updated);
    }

    [Fact]
    public async Task A_stale_copy_is_read_again_and_the_change_applied_to_what_is_stored()
    {
        var cluster = Samples.Cluster();
        await _storage.NodeClusters.CreateAsync(cluster);
        var stale = (await _storage.NodeClusters.GetAsync(cluster.Namespace, cluster.Uuid))!;
        await _storage.NodeClusters.UpdateAsync(cluster.Namespace, cluster.Uuid, c => (c.Nickname = "renamed") is not null);

        await _storage.NodeClusters.UpdateAsync(cluster.Namespace, cluster.Uuid, stale, c => (c.TargetNumNodes = 6) > 0);

        var stored = (await _storage.NodeClusters.GetAsync(cluster.Namespace, cluster.Uuid))!;
        Assert.Equal(("renamed", 6), (stored.Nickname, stored.TargetNumNodes));
    }

    [Fact]
    public async Task A_copy_whose_row_is_gone_comes_back_as_none()
    {
        var cluster = Samples.Cluster();
        await _storage.NodeClusters.CreateAsync(cluster);
        await _storage.Raw(_storage.Names.NodeClusters).DeleteEntityAsync(cluster.Namespace, cluster.Uuid.ToString("D"));

        Assert.Null(await _storage.NodeClusters.UpdateAsync(cluster.Namespace, cluster.Uuid, cluster, c => (c.TargetNumNodes = 6) > 0));
    }
}
