using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Storage.Containers;
using FunctionsCloud.Storage.Querying;
using FunctionsCloud.Storage.Tests.Support;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Storage;

namespace FunctionsCloud.Storage.Tests.Containers;

[Collection(AzuriteCollection.Name)]
public sealed class ContainerCreateManyTests
{
    private readonly RequestCounter _counter = new();
    private readonly IContainerStore _containers;

    public ContainerCreateManyTests() => _containers = new ContainerStore(new TestStorage(AzuriteFixture.UniquePrefix(), _counter).Tables);

    private static List<Container> Many(int count, string @namespace = Samples.Namespace)
    {
        var service = Guid.NewGuid();
        return Enumerable.Range(1, count).Select(n => ContainerSamples.Container(@namespace, service: service, number: n)).ToList();
    }

    private async Task<int> CountAsync(string @namespace = Samples.Namespace) =>
        (await _containers.ListAsync(@namespace, TableQuery.All, 0, 0)).TotalCount;

    private int Transactions() => _counter.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal));

    [Fact]
    public async Task Many_go_in_transactions_of_fifty_per_namespace_each_beside_its_change()
    {
        var alice = Many(150);
        var bob = Many(3, "bob");
        await _containers.CreateAsync(ContainerSamples.Container()); // the table exists: count only the writes below
        _counter.Clear();

        await _containers.CreateManyAsync([.. alice, .. bob]);

        // The containers in 4 transactions (50 a transaction, each beside its change's outbox row; bob's apart), their
        // changes into the log in 5 (49 a transaction), the outbox rows deleted in 3, bob's log head read once and his
        // namespace indexed once for the retention sweep (alice's was, with the first container).
        Assert.Equal(14, _counter.Requests.Count);
        Assert.Equal(12, Transactions());
        Assert.Equal(151, await CountAsync());
        Assert.Equal(3, await CountAsync("bob"));
        Assert.All(alice.Concat(bob), c => Assert.False(string.IsNullOrEmpty(c.Version)));
        ContainerSamples.AssertEqual(alice[120], await _containers.GetAsync(Samples.Namespace, alice[120].Uuid));
    }

    [Fact]
    public async Task A_retry_of_the_same_containers_neither_fails_nor_duplicates()
    {
        var containers = Many(120);
        await _containers.CreateManyAsync(containers);

        await _containers.CreateManyAsync(containers);

        Assert.Equal(120, await CountAsync());
    }

    [Fact]
    public async Task A_retry_after_a_partial_try_adds_the_missing_and_leaves_the_stored_as_they_are()
    {
        var containers = Many(130);
        // The earlier try stored the first transaction's worth and a few of the next before it failed;
        // one of those has moved on since.
        await _containers.CreateManyAsync(containers.Take(100).ToList());
        foreach (var container in containers.Skip(100).Take(5))
            await _containers.CreateAsync(container);
        var moved = containers[3];
        moved.MoveTo(ContainerState.Stopping);
        await _containers.UpdateAsync(moved);
        var retry = containers.Select(c => ContainerSamples.Container(c.Namespace, c.ServiceUuid, number: c.Number, node: c.NodeUuid, uuid: c.Uuid)).ToList();

        await _containers.CreateManyAsync(retry);

        Assert.Equal(130, await CountAsync());
        Assert.Equal(ContainerState.Stopping, (await _containers.GetAsync(Samples.Namespace, moved.Uuid))!.State);
        ContainerSamples.AssertEqual(retry[129], await _containers.GetAsync(Samples.Namespace, retry[129].Uuid));
        Assert.Null(retry[3].Version);
    }

    [Fact]
    public async Task Nothing_is_written_when_one_container_cannot_be_stored()
    {
        var containers = Many(3);
        containers.Add(ContainerSamples.Container("not/a/key"));

        await Assert.ThrowsAsync<ArgumentException>(() => _containers.CreateManyAsync(containers));

        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task An_empty_list_writes_nothing()
    {
        await _containers.CreateManyAsync([]);

        Assert.Empty(_counter.Requests);
    }
}
