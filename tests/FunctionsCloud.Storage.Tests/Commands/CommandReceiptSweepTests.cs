using FunctionsCloud.Storage.Commands;
using FunctionsCloud.Storage.Tests.Support;
using FunctionsCloud.Testing;

namespace FunctionsCloud.Storage.Tests.Commands;

[Collection(AzuriteCollection.Name)]
public sealed class CommandReceiptSweepTests
{
    private static readonly DateTimeOffset Cutoff = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private readonly CommandReceiptStore _receipts = new(new TestStorage(AzuriteFixture.UniquePrefix()).Tables);

    [Fact]
    public async Task Receipts_received_before_the_cutoff_go_in_every_namespace_and_newer_ones_stay()
    {
        await AddAsync("alice", "old-1", Cutoff.AddDays(-3));
        await AddAsync("bob", "old-2", Cutoff.AddSeconds(-1));
        await AddAsync("alice", "new-1", Cutoff);
        await AddAsync("bob", "new-2", Cutoff.AddHours(5));

        Assert.Equal(2, await _receipts.DeleteReceivedBeforeAsync(Cutoff));

        Assert.Null(await _receipts.GetAsync("alice", "old-1"));
        Assert.Null(await _receipts.GetAsync("bob", "old-2"));
        Assert.NotNull(await _receipts.GetAsync("alice", "new-1"));
        Assert.NotNull(await _receipts.GetAsync("bob", "new-2"));
        Assert.Equal(0, await _receipts.DeleteReceivedBeforeAsync(Cutoff));
    }

    private Task<CommandReceipt?> AddAsync(string ns, string key, DateTimeOffset receivedAt) =>
        _receipts.TryAddAsync(new CommandReceipt { Namespace = ns, Key = key, ReceivedAt = receivedAt, LeasedUntil = receivedAt.AddMinutes(2) });
}
