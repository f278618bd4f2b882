using Azure.Data.Tables;
using FunctionsCloud.Domain.Changes;
using FunctionsCloud.Storage.Changes;
using FunctionsCloud.Storage.Tests.Support;
using FunctionsCloud.Testing;

namespace FunctionsCloud.Storage.Tests.Changes;

/// <summary>The change log's retention: the sweep deletes every namespace's old changes in batches and records where each log now begins.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ChangeRetentionTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    private static readonly DateTimeOffset TenDaysAgo = Now.AddDays(-10);
    private readonly TestStorage _storage = new(AzuriteFixture.UniquePrefix());

    [Fact]
    public async Task The_sweep_deletes_the_old_changes_of_every_namespace_in_batches_and_says_where_each_log_begins()
    {
        var (ns, other) = (NewNamespace(), NewNamespace());
        var log = _storage.Tables.Changes;
        // 120 old changes: more than two of the sweep's transactions (49 changes each).
        await AppendAsync(ns, Enumerable.Range(0, 120).Select(i => TenDaysAgo.AddSeconds(i)));
        await AppendAsync(ns, [Now, Now, Now]);
        await AppendAsync(other, [TenDaysAgo, TenDaysAgo.AddSeconds(1), Now]);
        Assert.Null(await log.FloorAsync(ns, CancellationToken.None));

        Assert.Equal(122, await log.DeleteBeforeAsync(Now.AddDays(-7), CancellationToken.None));

        Assert.Equal([121L, 122L, 123L], (await log.ReadAfterAsync(ns, 0, 1000, CancellationToken.None)).Select(c => c.Sequence));
        Assert.Equal(new ChangeLogFloor(120, TenDaysAgo.AddSeconds(119)), await log.FloorAsync(ns, CancellationToken.None));
        Assert.Equal([3L], (await log.ReadAfterAsync(other, 0, 1000, CancellationToken.None)).Select(c => c.Sequence));
        Assert.Equal(new ChangeLogFloor(2, TenDaysAgo.AddSeconds(1)), await log.FloorAsync(other, CancellationToken.None));
        // The deleted changes' id rows went with them; the kept ones' stay.
        Assert.Equal(3, await CountAsync(ns, ChangeMarkerEntity.IdPrefix));
        Assert.Equal(3, (await log.ListAsync(ns, 0, null, 0, 10, CancellationToken.None)).TotalCount);

        // The numbering goes on after the head, and a second sweep finds nothing to delete.
        await AppendAsync(ns, [Now]);
        Assert.Equal(124, (await log.ReadAfterAsync(ns, 123, 10, CancellationToken.None)).Single().Sequence);
        Assert.Equal(0, await log.DeleteBeforeAsync(Now.AddDays(-7), CancellationToken.None));
    }

    [Fact]
    public async Task The_sweep_stops_at_the_first_change_newer_than_the_cutoff_and_keeps_a_log_that_is_all_new()
    {
        var (ns, fresh) = (NewNamespace(), NewNamespace());
        var log = _storage.Tables.Changes;
        await AppendAsync(ns, [TenDaysAgo, Now, TenDaysAgo.AddSeconds(5)]);
        await AppendAsync(fresh, [Now, Now]);

        Assert.Equal(1, await log.DeleteBeforeAsync(Now.AddDays(-7), CancellationToken.None));

        // A change stamped out of order after a newer one waits for the next sweep that reaches it.
        Assert.Equal([2L, 3L], (await log.ReadAfterAsync(ns, 0, 10, CancellationToken.None)).Select(c => c.Sequence));
        Assert.Equal(2, (await log.ReadAfterAsync(fresh, 0, 10, CancellationToken.None)).Count);
        Assert.Null(await log.FloorAsync(fresh, CancellationToken.None));
    }

    private async Task AppendAsync(string ns, IEnumerable<DateTimeOffset> times) =>
        await _storage.Tables.Changes.AppendAsync(
            [.. times.Select(at => PendingChangeEntity.For(ns, new ChangeSubject("service", Guid.NewGuid(), "/api/app/v1/service/x/", "Running", [], Ended: false), created: false, at))],
            CancellationToken.None);

    private async Task<int> CountAsync(string ns, string rowKeyPrefix)
    {
        var count = 0;
        await foreach (var _ in _storage.Raw(_storage.Names.Changes).QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {ns} and RowKey ge {rowKeyPrefix} and RowKey lt {rowKeyPrefix[..^1] + "}"}")))
            count++;
        return count;
    }

    private static string NewNamespace() => "ns" + Guid.NewGuid().ToString("N")[..8];
}
