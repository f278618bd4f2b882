using FunctionsCloud.Storage.Liveness;

namespace FunctionsCloud.Storage.Tests.Liveness;

public sealed class LivenessKeysTests
{
    [Fact]
    public void A_due_key_reads_back_whatever_the_namespace_holds()
    {
        var uuid = Guid.NewGuid();
        var key = LivenessKeys.Due(638_000_000_000_000_000, "odd|name", uuid);

        Assert.True(LivenessKeys.TryParseDue(key, out var ticks, out var @namespace, out var parsed));
        Assert.Equal((638_000_000_000_000_000L, "odd|name", uuid), (ticks, @namespace, parsed));
        Assert.False(LivenessKeys.TryParseDue(LivenessKeys.Pointer("alice", uuid), out _, out _, out _));
    }

    [Fact]
    public void Due_keys_sort_by_deadline_and_the_range_end_takes_in_every_deadline_up_to_it()
    {
        var at = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);
        var due = LivenessKeys.Due(at.UtcTicks, "zed", Guid.Empty);
        var later = LivenessKeys.Due(at.UtcTicks + 1, "alice", Guid.Empty);

        Assert.True(string.CompareOrdinal(due, later) < 0);
        Assert.True(string.CompareOrdinal(due, LivenessKeys.DueAfter(at)) < 0);
        Assert.True(string.CompareOrdinal(later, LivenessKeys.DueAfter(at)) >= 0);
    }

    [Theory]
    [InlineData(1, "s")]
    [InlineData(16, "sf")]
    [InlineData(256, "s4f")]
    public void A_node_is_in_the_shard_of_its_uuids_last_hex_digits(int count, string shard)
    {
        var shards = new LivenessShards(count);

        Assert.Equal(shard, shards.Of(Guid.Parse("6a1f0c3e-1111-4222-8333-00000000004f")));
        Assert.Equal(count, shards.Keys.Count);
        Assert.Contains(shard, shards.Keys);
    }

    [Fact]
    public void Shard_counts_other_than_powers_of_16_are_refused() =>
        Assert.Throws<ArgumentException>(() => new LivenessShards(10));
}
