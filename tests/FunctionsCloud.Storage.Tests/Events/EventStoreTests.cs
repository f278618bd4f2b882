using FunctionsCloud.Domain.Events;
using FunctionsCloud.Storage.Querying;
using FunctionsCloud.Storage.Tests.Support;
using FunctionsCloud.Testing;

namespace FunctionsCloud.Storage.Tests.Events;

[Collection(AzuriteCollection.Name)]
public sealed class EventStoreTests
{
    private readonly TestStorage _storage = new(AzuriteFixture.UniquePrefix());

    [Fact]
    public async Task Events_are_stored_in_batches_listed_newest_first_and_filtered_by_object()
    {
        var node = Guid.NewGuid();
        var start = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);
        var events = Enumerable.Range(0, 150)
            .Select(i => NodeEvents.For(Samples.Namespace, i % 2 == 0 ? node : Guid.NewGuid(), i % 3 == 0 ? "Unreachable" : "Deployed", $"#{i}", start.AddSeconds(i)))
            .ToList();

        await _storage.Events.AddAsync(events);

        var all = await _storage.Events.ListAsync(Samples.Namespace, TableQuery.All, 0, 1000);
        Assert.Equal(150, all.TotalCount);
        Assert.Equal(events.Select(e => e.Date).OrderDescending(), all.Items.Select(e => e.Date));
        var ofNode = await _storage.Events.ListAsync(Samples.Namespace, TableQuery.All.Where("object", $"/api/infra/v1/node/{node:D}/"), 0, 1000);
        Assert.Equal(75, ofNode.TotalCount);
        var stored = await _storage.Events.GetAsync(Samples.Namespace, events[4].Uuid);
        Assert.Equal(("node", "update", "Deployed", "#4"), (stored!.Type, stored.Action, stored.State, stored.Reason));
        Assert.Empty((await _storage.Events.ListAsync("bob", TableQuery.All, 0, 10)).Items);
    }
}
